package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Stand-in of Jenkins core's AuthorizationStrategy. */
public abstract class AuthorizationStrategy implements Describable<AuthorizationStrategy>, ExtensionPoint {}
