package hudson.security;

/** Stand-in of Jenkins core's SecurityRealm. */
public abstract class SecurityRealm {}
