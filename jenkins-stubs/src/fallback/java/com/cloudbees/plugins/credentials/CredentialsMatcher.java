package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Stand-in of the credentials plugin's CredentialsMatcher. */
public interface CredentialsMatcher extends Serializable {
    boolean matches(Credentials item);
}
