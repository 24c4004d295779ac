package hudson.model;

/** Stand-in of Jenkins core's PersistenceRoot (its {@code getRootDir} is left out). */
public interface PersistenceRoot extends Saveable {}
