package hudson.model;

import hudson.security.AccessControlled;
import jenkins.model.Loadable;
import org.kohsuke.stapler.HttpDeletable;
import org.kohsuke.stapler.StaplerProxy;

import hudson.security.ACL;

/** Stand-in of Jenkins core's AbstractItem. */
public abstract class AbstractItem extends Actionable
        implements Loadable, Item, HttpDeletable, AccessControlled, DescriptorByNameOwner, StaplerProxy {
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stand-in");
    }
}
