package org.kohsuke.accmod.restrictions;

import org.kohsuke.accmod.AccessRestriction;

/** Stand-in of access-modifier-annotation's NoExternalUse. */
public class NoExternalUse extends AccessRestriction {}
