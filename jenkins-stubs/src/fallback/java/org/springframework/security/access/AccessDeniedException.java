package org.springframework.security.access;

/** Stand-in of Spring Security's AccessDeniedException, which Jenkins' permission checks throw. */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String msg) {
        super(msg);
    }
}
