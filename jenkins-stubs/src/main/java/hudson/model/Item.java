package hudson.model;

import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.util.io.OnMaster;

/** Stand-in of Jenkins core's Item: the permissions and members the plugin uses. */
public interface Item extends PersistenceRoot, SearchableModelObject, AccessControlled, OnMaster {
    // Stand-ins: core creates these Permission objects; nothing offline checks permissions.
    Permission CONFIGURE = null;
    Permission READ = null;
}
