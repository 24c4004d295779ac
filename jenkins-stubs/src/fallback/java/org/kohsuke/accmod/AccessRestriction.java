package org.kohsuke.accmod;

/** Stand-in of access-modifier-annotation's AccessRestriction (its checker methods are left out). */
public abstract class AccessRestriction {}
