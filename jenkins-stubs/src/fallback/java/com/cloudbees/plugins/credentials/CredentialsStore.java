package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.ModelObject;
import hudson.model.Saveable;
import hudson.security.AccessControlled;
import java.io.IOException;

/** Stand-in of the credentials plugin's CredentialsStore. */
public abstract class CredentialsStore implements AccessControlled, Saveable {
    public abstract ModelObject getContext();

    public abstract boolean addCredentials(Domain domain, Credentials credentials) throws IOException;
}
