package hudson.model;

import hudson.security.ACL;
import hudson.security.AccessControlled;
import jenkins.model.Loadable;
import jenkins.model.ModelObjectWithContextMenu;
import org.kohsuke.stapler.StaplerProxy;

/** Stand-in of Jenkins core's User: the lookup the plugin uses, and the members its interfaces require. */
public class User extends AbstractModelObject
        implements AccessControlled, DescriptorByNameOwner, Loadable, Saveable, Comparable<User>,
                ModelObjectWithContextMenu, StaplerProxy {
    private User() {} // stand-in: upstream's constructors are private too

    public static User getById(String id, boolean create) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public int compareTo(User other) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException("stand-in");
    }
}
