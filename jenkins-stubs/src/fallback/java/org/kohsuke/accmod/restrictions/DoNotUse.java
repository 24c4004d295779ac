package org.kohsuke.accmod.restrictions;

import org.kohsuke.accmod.AccessRestriction;

/** Stand-in of access-modifier-annotation's DoNotUse (its checker methods are left out). */
public class DoNotUse extends AccessRestriction {}
