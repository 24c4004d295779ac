package jenkins.model;

import hudson.model.ModelObject;

/** Stand-in of Jenkins core's ModelObjectWithChildren (members left out). */
public interface ModelObjectWithChildren extends ModelObject {}
