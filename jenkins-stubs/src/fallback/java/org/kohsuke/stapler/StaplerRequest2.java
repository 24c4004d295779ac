package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

/** Stand-in of Stapler's StaplerRequest2: the plugin uses only what the Servlet API gives. */
public interface StaplerRequest2 extends HttpServletRequest {}
