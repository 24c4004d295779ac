package hudson.model;

import hudson.security.ACL;

/** Stand-in of Jenkins core's AbstractItem. */
public abstract class AbstractItem extends Actionable implements Item {
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stand-in");
    }
}
