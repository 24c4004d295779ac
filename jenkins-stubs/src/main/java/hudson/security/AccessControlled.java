package hudson.security;

/** Stand-in of Jenkins core's AccessControlled. */
public interface AccessControlled {
    ACL getACL();

    default void checkPermission(Permission permission) {
        throw new UnsupportedOperationException("stand-in");
    }

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("stand-in");
    }
}
