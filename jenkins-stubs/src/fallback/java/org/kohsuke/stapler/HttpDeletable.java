package org.kohsuke.stapler;

/** Stand-in of Stapler's HttpDeletable (its default {@code delete} methods are left out). */
public interface HttpDeletable {}
