package io.jenkins.plugins.circleci.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** What an administrator may paste, and the errors for everything that is not CA certificates. */
class CaCertificatesParseTest {
    private static final HeldCertificate ROOT = TestCertificates.rootCa("Acme Root CA");
    private static final HeldCertificate OTHER_ROOT = TestCertificates.rootCa("Other Root CA");

    @Test
    void readsOneCertificate() {
        CaCertificates cas = CaCertificates.parse(ROOT.certificatePem());

        assertThat(cas.certificates()).containsExactly(ROOT.certificate());
    }

    @Test
    void readsSeveralCertificatesWithExplanatoryTextAndWindowsLineEnds() {
        String pasted = "subject=CN = Acme Root CA\nissuer=CN = Acme Root CA\n" + ROOT.certificatePem()
                + "\n  \n# the second one\n" + OTHER_ROOT.certificatePem().replace("\n", "\r\n") + "   \n";

        CaCertificates cas = CaCertificates.parse(pasted);

        assertThat(cas.certificates()).containsExactly(ROOT.certificate(), OTHER_ROOT.certificate());
        assertThat(cas).isEqualTo(CaCertificates.parse(ROOT.certificatePem() + OTHER_ROOT.certificatePem()));
        assertThat(cas.toString()).contains("Acme Root CA", "Other Root CA").doesNotContain("BEGIN");
    }

    @Test
    void nothingGiven() {
        for (String empty : new String[] {null, "", "  \n\t "}) {
            InvalidRequestException e = refused(empty);
            assertThat(e.getMessage()).isEqualTo("No CA certificate was given.");
            assertThat(e.hint()).contains("-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----");
        }
    }

    @Test
    void textWithoutACertificateBlock() {
        InvalidRequestException prose = refused("the CA of circleci.example.com");
        assertThat(prose.getMessage()).contains("No -----BEGIN CERTIFICATE----- block was found")
                .doesNotContain("base64");
        assertThat(prose.hint()).contains("PEM certificate of the CA that signed the CircleCI server's certificate");

        String bare = ROOT.certificatePem().replaceAll("-----[A-Z ]+-----", "");
        assertThat(refused(bare).getMessage()).contains("base64 without the PEM BEGIN and END lines");
    }

    @Test
    void aPrivateKeyIsRefusedWithoutBeingRepeated() {
        String key = ROOT.privateKeyPkcs8Pem();
        String keyBody = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();

        String rsaKey = new HeldCertificate.Builder().rsa2048().build().privateKeyPkcs1Pem();
        assertThat(rsaKey).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        for (String pasted : new String[] {key, ROOT.certificatePem() + key, rsaKey}) {
            InvalidRequestException e = refused(pasted);
            assertThat(e.getMessage()).contains("is a private key", "not a certificate").doesNotContain(keyBody);
            assertThat(e.hint()).contains("paste only the CA's certificate").doesNotContain(keyBody);
        }
        assertThat(refused(ROOT.certificatePem() + key).getMessage()).startsWith("PEM block 2 ");
    }

    @Test
    void otherPemKindsAreNamed() {
        String request = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
        assertThat(refused(request).getMessage()).contains("certificate signing request");

        String publicKey = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n";
        assertThat(refused(publicKey).getMessage()).isEqualTo("PEM block 1 is a 'PUBLIC KEY', not a certificate.");

        String trusted = ROOT.certificatePem().replace("CERTIFICATE", "TRUSTED CERTIFICATE");
        InvalidRequestException openSsl = refused(trusted);
        assertThat(openSsl.getMessage()).contains("TRUSTED CERTIFICATE");
        assertThat(openSsl.hint()).contains("openssl x509");
    }

    @Test
    void aCertificateCutShort() {
        String pem = ROOT.certificatePem();
        String cut = pem.substring(0, pem.indexOf("-----END"));

        InvalidRequestException e = refused(OTHER_ROOT.certificatePem() + cut);

        assertThat(e.getMessage()).isEqualTo("PEM block 2 (-----BEGIN CERTIFICATE-----) has no "
                + "-----END CERTIFICATE----- line: the text was cut short.");
        assertThat(refused(cut + OTHER_ROOT.certificatePem()).getMessage()).as("cut short before the next block")
                .startsWith("PEM block 1 (-----BEGIN CERTIFICATE-----) has no -----END CERTIFICATE----- line");
    }

    @Test
    void aDamagedCertificate() {
        List<String> lines = ROOT.certificatePem().lines().toList();
        String middle = lines.get(2);

        String quoted = ROOT.certificatePem().replace(middle, "> " + middle);
        assertThat(refused(quoted).getMessage()).isEqualTo("Certificate 1 is damaged: a line between its BEGIN and "
                + "END lines is not base64.");

        String headers = ROOT.certificatePem().replace(lines.get(1), "Proc-Type: 4,ENCRYPTED\n" + lines.get(1));
        assertThat(refused(headers).getMessage()).contains("PEM headers");

        String badPadding = ROOT.certificatePem().replace(middle, middle.substring(1));
        assertThat(refused(badPadding).getMessage()).startsWith("Certificate 1 is ");

        String missingLine = ROOT.certificatePem().replace(middle + "\n", "");
        InvalidRequestException notX509 = refused(missingLine);
        assertThat(notX509.getMessage()).startsWith("Certificate 1 is ");
        assertThat(notX509.hint()).contains("Copy the certificate again");

        String notACertificate = "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n";
        assertThat(refused(notACertificate).getMessage()).startsWith("Certificate 1 is not a valid X.509 certificate");

        String empty = "-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----\n";
        assertThat(refused(empty).getMessage()).isEqualTo("Certificate 1 is empty between its BEGIN and END lines.");
    }

    @Test
    void anOversizedPasteIsRefusedBeforeParsing() {
        String huge = ROOT.certificatePem() + "x".repeat(PemCertificates.MAX_CHARS);
        assertThat(refused(huge).getMessage()).contains("more than the " + PemCertificates.MAX_CHARS + " accepted");

        String many = ROOT.certificatePem().repeat(PemCertificates.MAX_CERTIFICATES + 1);
        assertThat(refused(many).getMessage()).isEqualTo("More than " + PemCertificates.MAX_CERTIFICATES
                + " certificates were given.");
        assertThat(CaCertificates.parse(ROOT.certificatePem().repeat(PemCertificates.MAX_CERTIFICATES))
                .certificates()).hasSize(PemCertificates.MAX_CERTIFICATES);
    }

    @Test
    void summariesSayWhoseCertificateItIsAndWhatIsWrongWithIt() {
        HeldCertificate intermediate = TestCertificates.intermediateCa("Acme Issuing CA", ROOT);
        HeldCertificate server = TestCertificates.server("circleci.example.com", intermediate);
        long day = TimeUnit.DAYS.toMillis(1);
        HeldCertificate expired = new HeldCertificate.Builder().certificateAuthority(0).commonName("Old CA")
                .validityInterval(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli(),
                        Instant.parse("2021-01-01T00:00:00Z").toEpochMilli()).build();
        Instant now = Instant.now();

        List<CertificateSummary> summaries = CaCertificates.parse(ROOT.certificatePem()
                + intermediate.certificatePem() + server.certificatePem() + expired.certificatePem()).summaries(now);

        CertificateSummary root = summaries.get(0);
        assertThat(root.subject()).isEqualTo("CN=Acme Root CA,OU=CI");
        assertThat(root.ca()).isTrue();
        assertThat(root.selfSigned()).isTrue();
        assertThat(root.hasProblems()).isFalse();
        assertThat(root.notAfter()).isBetween(now.plusMillis(3649 * day), now.plusMillis(3651 * day));
        assertThat(root.describe()).matches("CN=Acme Root CA,OU=CI \\(self-signed\\), valid until "
                + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, CA\\.");

        CertificateSummary issuing = summaries.get(1);
        assertThat(issuing.issuer()).isEqualTo("CN=Acme Root CA,OU=CI");
        assertThat(issuing.describe()).startsWith("CN=Acme Issuing CA, issued by CN=Acme Root CA,OU=CI, valid until ")
                .endsWith(", CA.");

        CertificateSummary leaf = summaries.get(2);
        assertThat(leaf.ca()).isFalse();
        assertThat(leaf.problems()).singleElement().asString().contains("not a CA certificate",
                "paste the certificate of the CA that issued it, CN=Acme Issuing CA");
        assertThat(leaf.describe()).contains(", not a CA. It is not a CA certificate");

        CertificateSummary old = summaries.get(3);
        assertThat(old.expired()).isTrue();
        assertThat(old.describe()).isEqualTo("CN=Old CA (self-signed), valid until 2021-01-01 00:00 UTC, CA. It "
                + "expired on 2021-01-01 00:00 UTC: a certificate chain through it fails; paste the CA's renewed "
                + "certificate.");
        assertThat(CaCertificates.parse(expired.certificatePem()).summaries(Instant.parse("2019-06-01T00:00:00Z"))
                .get(0).problems()).singleElement().asString().startsWith("It is not valid yet");
    }

    private static InvalidRequestException refused(String pem) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> CaCertificates.parse(pem));
        assertThat(e).as("refused: %s", pem == null ? null : pem.length() > 80 ? pem.substring(0, 80) : pem)
                .isNotNull();
        return e;
    }
}
