package com.cloudbees.plugins.credentials;

/** Stand-in of the credentials plugin's BaseCredentials (members left out). */
public class BaseCredentials implements Credentials {
    private static final long serialVersionUID = 1L;

    protected BaseCredentials() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public CredentialsScope getScope() {
        throw new UnsupportedOperationException("stand-in");
    }
}
