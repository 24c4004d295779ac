package org.kohsuke.stapler;

/** Stand-in of Stapler's HttpResponse (its default {@code generateResponse} methods are left out). */
public interface HttpResponse {}
