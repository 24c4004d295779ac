package hudson.model;

import hudson.security.AccessControlled;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;

/** Stand-in of Jenkins core's AbstractCIBase, the superclass of Jenkins (members left out). */
public abstract class AbstractCIBase extends Node
        implements ItemGroup<TopLevelItem>, StaplerProxy, StaplerFallback, ViewGroup, AccessControlled,
                DescriptorByNameOwner {
    public AbstractCIBase() {}
}
