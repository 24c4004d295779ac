package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Stand-in of plain-credentials' StringCredentialsImpl. */
public final class StringCredentialsImpl extends BaseStandardCredentials implements StringCredentials {
    private static final long serialVersionUID = 1L;

    public StringCredentialsImpl(CredentialsScope scope, String id, String description, Secret secret) {
        super(scope, id, description);
    }

    @Override
    public Secret getSecret() {
        throw new UnsupportedOperationException("stand-in");
    }
}
