package org.kohsuke.stapler;

/** Stand-in of Stapler's StaplerProxy. */
public interface StaplerProxy {
    Object getTarget();
}
