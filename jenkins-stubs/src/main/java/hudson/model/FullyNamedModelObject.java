package hudson.model;

/** Stand-in of Jenkins core's FullyNamedModelObject (its {@code getFullDisplayName} is left out). */
public interface FullyNamedModelObject extends ModelObject {}
