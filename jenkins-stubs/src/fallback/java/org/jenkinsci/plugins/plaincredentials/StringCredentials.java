package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** Stand-in of plain-credentials' StringCredentials ("Secret text"). */
public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}
