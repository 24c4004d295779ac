package hudson.security;

/** Stand-in of Jenkins core's AuthorizationStrategy. */
public abstract class AuthorizationStrategy {}
