package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

/** Stand-in of Stapler's StaplerResponse2: the plugin uses only what the Servlet API gives. */
public interface StaplerResponse2 extends HttpServletResponse {}
