package io.jenkins.plugins.circleci.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Which connection failures are TLS failures, and what their errors say (real handshakes: the handshake test). */
class TlsFailureTest {

    @Test
    void aFailureWithoutTlsInItIsNone() {
        assertThat(TlsFailure.of(new ConnectException("Connection refused"))).isNull();
        assertThat(TlsFailure.of(new IOException("closed", new IllegalStateException()))).isNull();
    }

    @Test
    void anUntrustedCertificateDeepInTheCauses() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path validation failed");
        handshake.initCause(new CertificateExpiredException("NotAfter: Tue Jan 01 00:00:00 UTC 2021"));

        TlsFailure failure = TlsFailure.of(new IOException("wrapped", handshake));

        assertThat(failure.what()).isEqualTo("TLS handshake failed: the server's certificate is not trusted "
                + "(NotAfter: Tue Jan 01 00:00:00 UTC 2021)");
        assertThat(failure.hint()).contains("CA certificates", "--ca-cert FILE", "has expired", TlsFailure.DOCS);
    }

    @Test
    void anotherHandshakeFailure() {
        TlsFailure failure = TlsFailure.of(new SSLException("Unsupported or unrecognized SSL message"));

        assertThat(failure.what()).isEqualTo("TLS handshake failed (SSLException: Unsupported or unrecognized SSL "
                + "message)");
        assertThat(failure.hint()).contains("HTTPS port", "TLS 1.2", "CA certificates");
    }
}
