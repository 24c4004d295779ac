package jenkins.model;

/** Stand-in of Jenkins core's HistoricalBuild (members left out). */
public interface HistoricalBuild {}
