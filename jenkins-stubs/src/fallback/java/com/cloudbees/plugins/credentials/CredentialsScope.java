package com.cloudbees.plugins.credentials;

import hudson.model.ModelObject;
import java.io.Serializable;

/** Stand-in of the credentials plugin's CredentialsScope. */
public enum CredentialsScope implements Serializable {
    SYSTEM {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("stand-in");
        }

        @Override
        public boolean isVisible(ModelObject object) {
            throw new UnsupportedOperationException("stand-in");
        }
    },
    GLOBAL {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("stand-in");
        }

        @Override
        public boolean isVisible(ModelObject object) {
            throw new UnsupportedOperationException("stand-in");
        }
    },
    USER {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("stand-in");
        }

        @Override
        public boolean isVisible(ModelObject object) {
            throw new UnsupportedOperationException("stand-in");
        }
    };

    public abstract String getDisplayName();

    public abstract boolean isVisible(ModelObject object);
}
