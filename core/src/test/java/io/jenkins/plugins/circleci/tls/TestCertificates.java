package io.jenkins.plugins.circleci.tls;

import java.util.concurrent.TimeUnit;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** Certificate authorities and server certificates made on the spot by okhttp-tls, for real TLS handshakes. */
final class TestCertificates {
    private TestCertificates() {}

    static HeldCertificate rootCa(String name) {
        return new HeldCertificate.Builder().certificateAuthority(1).commonName(name).organizationalUnit("CI")
                .duration(3650, TimeUnit.DAYS).build();
    }

    static HeldCertificate intermediateCa(String name, HeldCertificate issuer) {
        return new HeldCertificate.Builder().certificateAuthority(0).commonName(name).signedBy(issuer)
                .duration(365, TimeUnit.DAYS).build();
    }

    /** A server certificate for {@code host} only. */
    static HeldCertificate server(String host, HeldCertificate issuer) {
        return new HeldCertificate.Builder().commonName(host).addSubjectAlternativeName(host).signedBy(issuer)
                .duration(90, TimeUnit.DAYS).build();
    }

    /** What the server presents: its certificate and the intermediates up to (not including) the root. */
    static HandshakeCertificates presenting(HeldCertificate server, HeldCertificate... intermediates) {
        java.security.cert.X509Certificate[] chain = new java.security.cert.X509Certificate[intermediates.length];
        for (int i = 0; i < intermediates.length; i++) {
            chain[i] = intermediates[i].certificate();
        }
        return new HandshakeCertificates.Builder().heldCertificate(server, chain).build();
    }
}
