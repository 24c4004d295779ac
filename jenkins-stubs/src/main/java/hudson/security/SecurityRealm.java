package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Stand-in of Jenkins core's SecurityRealm. */
public abstract class SecurityRealm implements Describable<SecurityRealm>, ExtensionPoint {}
