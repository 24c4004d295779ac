package io.jenkins.plugins.circleci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.error.CircleCiConnectionException;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The settings' CA certificates, as the plugin's clients use them: trusted for the settings' server only, parsed once
 * per text, refused with a pointer to the settings when unusable. The handshakes are real, against the JDK's own
 * HTTPS server presenting a certificate for localhost signed by a test-only CA (see the resources beside this test).
 */
class ServerTrustTest {
    private static final String TOKEN = "CCIPAT_pluginTlsToken_0123456789abcdef";
    private static final String CA = resource("test-ca.pem");
    private static final String OTHER_CA = resource("other-test-ca.pem");

    private HttpsServer server;
    private String url;

    @BeforeEach
    void startHttpsServer() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = ServerTrustTest.class.getResourceAsStream("test-server.p12")) {
            keys.load(in, "test-only".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "test-only".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/api/v2/me", exchange -> {
            byte[] body = "{\"id\": \"u-1\", \"login\": \"rocket-bot\", \"name\": \"Rocket Bot\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        url = "https://localhost:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static ServerSettings settings(String serverUrl, String caCertificates) {
        return new ServerSettings(serverUrl, null, Duration.ofSeconds(2), Duration.ofSeconds(10),
                new RateLimit(1000, 1000), caCertificates);
    }

    /** As the plugin's clients are built, with their retries. */
    private String login(ServerSettings settings) {
        return CircleCiServers.client(new OkHttpClient(), url, TOKEN, settings).me().login();
    }

    /** With the trust the plugin's clients get, without retries, so that a refusal comes at once. */
    private String loginOnce(ServerSettings settings) {
        return CircleCiClient.builder().baseUrl(url).token(TOKEN).retryPolicy(RetryPolicy.none())
                .caCertificates(ServerTrust.forServer(url, settings)).build().me().login();
    }

    @Test
    void theSettingsCaMakesTheirServerTrusted() {
        assertThat(login(settings(url, CA))).isEqualTo("rocket-bot");
        assertThat(login(settings(url + "/api/v2/", OTHER_CA + CA))).as("however the URL was typed")
                .isEqualTo("rocket-bot");
    }

    @Test
    void withoutItOrWithAnotherCaTheServerIsRefusedWithAPointerToTheSetting() {
        for (String none : new String[] {null, "  ", OTHER_CA}) {
            CircleCiConnectionException e = catchThrowableOfType(CircleCiConnectionException.class,
                    () -> loginOnce(settings(url, none)));
            assertThat(e).as("refused with %s", none).isNotNull();
            assertThat(e.getMessage()).contains("TLS handshake failed");
            assertThat(e.hint()).contains("Manage Jenkins > System > CircleCI > CA certificates");
        }
    }

    @Test
    void anotherServersCaIsNotTrustedHere() {
        CircleCiConnectionException e = catchThrowableOfType(CircleCiConnectionException.class,
                () -> loginOnce(settings("https://circleci.example.com", CA)));

        assertThat(e).as("the CA belongs to circleci.example.com, not to " + url).isNotNull();
        assertThat(ServerTrust.forServer(url, settings("https://circleci.example.com", CA))).isNull();
        assertThat(ServerTrust.forServer(url.replace("localhost", "LOCALHOST") + "/", settings(url, CA))).isNotNull();
        assertThat(ServerTrust.forServer("http://localhost:" + server.getAddress().getPort(), settings(url, CA)))
                .as("another scheme").isNull();
    }

    @Test
    void theSameTextIsParsedOnceSoClientsShareConnections() {
        assertThat(ServerTrust.forServer(url, settings(url, CA)))
                .isSameAs(ServerTrust.forServer(url, settings(url, CA)));
        assertThat(ServerTrust.forServer(url, settings(url, OTHER_CA)).certificates())
                .isNotEqualTo(ServerTrust.forServer(url, settings(url, CA)).certificates());
    }

    @Test
    void unusableSavedTextFailsTheClientWithWhereToFixIt() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> login(settings(url, "not a certificate")));

        assertThat(e.getMessage()).startsWith("The CA certificates of the CircleCI settings are not usable: No "
                + "-----BEGIN CERTIFICATE----- block");
        assertThat(e.hint()).startsWith("Fix them in Manage Jenkins > System > CircleCI > CA certificates.");
        assertThat(ServerTrust.forServer(url, settings("https://circleci.example.com", "not a certificate")))
                .as("another server's text is not even read").isNull();
    }

    @Test
    void theSettingsNeverPrintTheCertificatesText() {
        assertThat(settings(url, CA).toString()).contains("caCertificates=" + CA.length() + " chars")
                .doesNotContain("BEGIN");
    }

    static String resource(String name) {
        try (InputStream in = ServerTrustTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name, e);
        }
    }
}
