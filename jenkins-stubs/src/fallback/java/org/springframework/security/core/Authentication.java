package org.springframework.security.core;

import java.io.Serializable;
import java.security.Principal;

/**
 * Stand-in of Spring Security's Authentication, which Jenkins core exposes (ACL.SYSTEM2, Tasks.getAuthenticationOf2).
 * The plugin only passes it along, so none of its methods are declared here.
 */
public interface Authentication extends Principal, Serializable {}
