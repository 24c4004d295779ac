package hudson.search;

import hudson.model.ModelObject;

/** Stand-in of Jenkins core's SearchableModelObject (members left out). */
public interface SearchableModelObject extends ModelObject, SearchItem {}
