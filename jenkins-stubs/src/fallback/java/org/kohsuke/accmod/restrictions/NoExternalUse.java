package org.kohsuke.accmod.restrictions;

/** Stand-in of access-modifier-annotation's NoExternalUse. */
public class NoExternalUse extends DoNotUse {}
