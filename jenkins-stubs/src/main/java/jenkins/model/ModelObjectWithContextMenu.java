package jenkins.model;

import hudson.model.ModelObject;

/** Stand-in of Jenkins core's ModelObjectWithContextMenu (members left out). */
public interface ModelObjectWithContextMenu extends ModelObject {}
