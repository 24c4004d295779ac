package com.cloudbees.plugins.credentials.common;

/** Stand-in of the credentials plugin's StandardCredentials. */
public interface StandardCredentials extends IdCredentials {
    String getDescription();
}
