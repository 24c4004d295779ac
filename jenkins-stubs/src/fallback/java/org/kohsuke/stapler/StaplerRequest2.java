package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

/** Stand-in of Stapler's StaplerRequest2: what the Servlet API gives, and binding of submitted form data. */
public interface StaplerRequest2 extends HttpServletRequest {
    void bindJSON(Object bean, JSONObject src);
}
