package io.jenkins.plugins.circleci.tls;

import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A connection failure told apart as a TLS failure, with what happened and what to do: an untrusted certificate
 * (an internal CA, a proxy that intercepts TLS), a certificate for another host, or another handshake failure.
 *
 * @param what what happened, one clause naming TLS and the cause
 * @param hint what to do about it
 */
public record TlsFailure(String what, String hint) {
    /** Where the CA certificates setting is explained. */
    public static final String DOCS = "docs/circleci-server.md#custom-certificate-authority";
    private static final String SETTING = "paste the PEM certificate of the CA that signed it into the CircleCI "
            + "server's CA certificates setting (Jenkins: Manage Jenkins > System > CircleCI > CA certificates; "
            + "CLI: --ca-cert FILE)";

    /** The TLS failure {@code failure} is or wraps, or null when it is not one. */
    public static TlsFailure of(Throwable failure) {
        SSLException tls = find(failure, SSLException.class);
        if (tls == null) {
            return null;
        }
        if (tls instanceof SSLPeerUnverifiedException) {
            return new TlsFailure("TLS failed: the server's certificate is not issued for this host name ("
                    + message(tls) + ")", "Use the host name the CircleCI server's certificate was issued for in "
                    + "the server URL, or have the certificate reissued to include this one; host names are always "
                    + "verified. See " + DOCS + ".");
        }
        CertificateException untrusted = find(tls, CertificateException.class);
        if (untrusted != null) {
            return new TlsFailure("TLS handshake failed: the server's certificate is not trusted ("
                    + message(root(untrusted)) + ")", "If the CircleCI server's certificate comes from an internal "
                    + "CA, " + SETTING + "; if that setting is filled in, it holds a different CA than the one that "
                    + "signed this certificate, or the certificate has expired. A proxy that intercepts TLS needs "
                    + "its CA there too. See " + DOCS + ".");
        }
        return new TlsFailure("TLS handshake failed (" + tls.getClass().getSimpleName() + ": " + message(tls) + ")",
                "Check that the server URL names the CircleCI server's HTTPS port and that it speaks TLS 1.2 or "
                        + "newer; if its certificate comes from an internal CA, " + SETTING + ". See " + DOCS
                        + ".");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable root(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** On one line: OkHttp's host name message lists the certificate's names on further lines. */
    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return String.join("; ", m.strip().split("\\s*\\R\\s*"));
    }
}
