package com.cloudbees.plugins.credentials;

/** Stand-in of the credentials plugin's CredentialsScope. */
public enum CredentialsScope {
    SYSTEM,
    GLOBAL,
    USER
}
