package org.kohsuke.stapler;

/** Stand-in of Stapler's StaplerFallback. */
public interface StaplerFallback {
    Object getStaplerFallback();
}
