package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Stand-in of the credentials plugin's IdCredentials. */
public interface IdCredentials extends Credentials {
    String getId();
}
