package jenkins.model;

import hudson.model.ModelObject;

/** Stand-in of Jenkins core's AddressableModelObject (jenkinsci/jenkins 68334906), the supertype of {@link HistoricalBuild}. */
public interface AddressableModelObject extends Addressable, ModelObject {}
