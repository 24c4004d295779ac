package jenkins.model;

import hudson.model.ModifiableItemGroup;
import hudson.model.TopLevelItem;

/** Stand-in of Jenkins core's ModifiableTopLevelItemGroup (members left out). */
public interface ModifiableTopLevelItemGroup extends ModifiableItemGroup<TopLevelItem> {}
