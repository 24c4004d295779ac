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

    /** As upstream's NotMatcher: the opposite of {@code matcher}. Offline tests run it. */
    public static CredentialsMatcher not(CredentialsMatcher matcher) {
        return credentials -> !matcher.matches(credentials);
    }

    /** As upstream's ScopeMatcher: credentials whose {@code getScope()} is {@code scope}. Offline tests run it. */
    public static CredentialsMatcher withScope(CredentialsScope scope) {
        return credentials -> credentials.getScope() == scope;
    }

    public static CredentialsMatcher allOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("stand-in");
    }
}
