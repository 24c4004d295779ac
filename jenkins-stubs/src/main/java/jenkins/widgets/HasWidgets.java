package jenkins.widgets;

/** Stand-in of Jenkins core's HasWidgets (members left out). */
public interface HasWidgets {}
