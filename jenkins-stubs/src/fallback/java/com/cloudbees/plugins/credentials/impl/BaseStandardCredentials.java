package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

/** Stand-in of the credentials plugin's BaseStandardCredentials. */
public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    private static final long serialVersionUID = 1L;

    public BaseStandardCredentials(CredentialsScope scope, String id, String description) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getDescription() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getId() {
        throw new UnsupportedOperationException("stand-in");
    }
}
