package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ca-cert FILE} against an HTTPS server whose certificate an internal CA signed: real handshakes. */
class CaCertOptionTest {
    private static final Map<String, String> TOKEN = Map.of("CIRCLECI_TOKEN", "CCIPAT_cliTlsToken_0123456789abcdef");
    private static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Acme Internal CA").duration(30, TimeUnit.DAYS).build();

    @TempDir
    Path dir;
    private MockWebServer server;
    private String origin;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        HeldCertificate certificate = new HeldCertificate.Builder().commonName(server.getHostName())
                .addSubjectAlternativeName(server.getHostName()).signedBy(CA).duration(30, TimeUnit.DAYS).build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        server.enqueue(new MockResponse.Builder().body("coverage 91.5%\n").build());
        origin = server.url("/").toString().replaceAll("/$", "");
        assertThat(origin).startsWith("https://");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun artifact(String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "artifact";
        args[1] = "--url";
        args[2] = origin + "/api/v2/artifact/report.txt";
        args[3] = "--server=" + origin;
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(TOKEN, args);
    }

    @Test
    void withTheCaTheServerIsTrusted() throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), CA.certificatePem());

        CliRun run = artifact("--ca-cert", ca.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("coverage 91.5%\n");
    }

    @Test
    void withoutItTheErrorNamesTlsAndTheOption() {
        CliRun run = artifact();

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("TLS handshake failed: the server's certificate is not trusted", "--ca-cert FILE")
                .doesNotContain(TOKEN.get("CIRCLECI_TOKEN"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anotherCaIsRefused() throws IOException {
        HeldCertificate other = new HeldCertificate.Builder().certificateAuthority(0).commonName("Acme Internal CA")
                .build();
        Path ca = Files.writeString(dir.resolve("other.pem"), other.certificatePem());

        CliRun run = artifact("--ca-cert", ca.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("the server's certificate is not trusted");
    }

    @Test
    void aFileThatIsNotACertificateIsExitTwoBeforeAnythingIsSent() throws IOException {
        Path key = Files.writeString(dir.resolve("ca.key"), CA.privateKeyPkcs8Pem());
        Path missing = dir.resolve("missing.pem");

        CliRun wrong = artifact("--ca-cert", key.toString());
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains("The CA certificate file " + key + " is not usable: PEM block 1 is a "
                + "private key");

        CliRun unreadable = CliRun.of(TOKEN, "run", "--project", "gh/acme/api", "--server", origin, "--ca-cert",
                missing.toString());
        assertThat(unreadable.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unreadable.err()).contains("Cannot read the CA certificate file " + missing);
        assertThat(server.getRequestCount()).isZero();
    }
}
