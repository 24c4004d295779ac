package com.cloudbees.plugins.credentials;

/** Stand-in of the credentials plugin's CredentialsMatchers. */
public class CredentialsMatchers {
    private CredentialsMatchers() {} // as upstream: static methods only

    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static CredentialsMatcher withId(String id) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("stand-in");
    }
}
