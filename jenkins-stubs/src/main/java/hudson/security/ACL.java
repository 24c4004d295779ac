package hudson.security;

import hudson.model.User;
import org.springframework.security.core.Authentication;

/** Stand-in of Jenkins core's ACL: the SYSTEM2 authentication and the impersonation helpers. */
public abstract class ACL {
    public static final Authentication SYSTEM2 = null; // stand-in: core creates it

    public static ACLContext as(User user) {
        throw new UnsupportedOperationException("stand-in");
    }
}
