package hudson.security;

/** Stand-in of Jenkins core's AbstractPasswordBasedSecurityRealm, which the test harness's dummy realm extends. */
public abstract class AbstractPasswordBasedSecurityRealm extends SecurityRealm {}
