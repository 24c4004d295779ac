package jenkins.model;

import hudson.model.ModelObject;

/** Stand-in of Jenkins core's AddressableModelObject, the supertype of {@link HistoricalBuild} (members left out). */
public interface AddressableModelObject extends ModelObject {}
