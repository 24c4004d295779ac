package hudson.security;

/** Stand-in of Jenkins core's Permission; the permission constants come from core. */
public final class Permission {
    private Permission() {}
}
