package hudson.model;

import hudson.security.AccessControlled;

/** Stand-in of Jenkins core's ViewGroup (members left out). */
public interface ViewGroup extends PersistenceRoot, ModelObject, AccessControlled {}
