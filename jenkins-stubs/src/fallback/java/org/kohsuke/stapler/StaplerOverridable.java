package org.kohsuke.stapler;

import java.util.Collection;

/** Stand-in of Stapler's StaplerOverridable. */
public interface StaplerOverridable {
    Collection<?> getOverrides();
}
