package hudson.model;

import hudson.search.SearchableModelObject;

/** Stand-in of Jenkins core's AbstractModelObject (members left out). */
public abstract class AbstractModelObject implements SearchableModelObject {}
