package org.acegisecurity;

import java.io.Serializable;
import java.security.Principal;

/** Stand-in of Jenkins core's deprecated Acegi Authentication (members left out); use Spring Security's. */
@Deprecated
public interface Authentication extends Principal, Serializable {}
