package jenkins.model;

/** Stand-in of Jenkins core's Loadable (its {@code load} is left out). */
public interface Loadable {}
