package io.jenkins.plugins.circleci.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.sun.net.httpserver.HttpServer;
import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Test connection of the global configuration: one request to {@code /me}, however CircleCI answers, and a clear word
 * when the credentials work for Jenkins but not for builds (System scope). Against the JDK's HTTP server, whose
 * answers the tests choose and whose requests they count.
 */
class ConnectionCheckTest {
    private static final String TOKEN = "CCIPAT_connectionCheck_0123456789abcdef";

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private String url;

    private void serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v2/me", exchange -> {
            requests.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** As doTestConnection builds it: the plugin's client, with its default retries. */
    private CircleCiClient client() {
        ServerSettings settings = new ServerSettings(url, null, Duration.ofSeconds(2), Duration.ofSeconds(10),
                new RateLimit(1000, 1000), null);
        return CircleCiServers.client(new OkHttpClient(), url, TOKEN, settings);
    }

    private void serveTheUser() throws IOException {
        serve(200, "{\"id\": \"u-1\", \"login\": \"rocket-bot\", \"name\": \"Rocket Bot\"}");
    }

    @Test
    void aServerErrorIsReportedAfterOneRequestNotAfterTheClientsRetries() throws IOException {
        serve(503, "{\"message\": \"Service unavailable\"}");

        FormValidation result = ConnectionCheck.run(this::client, url, "circleci-token", CredentialsScope.GLOBAL);

        assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(requests.get()).as("requests to /me: the button answers within one request's timeouts")
                .isEqualTo(1);
    }

    @Test
    void globalCredentialsThatWorkShowTheTokensUser() throws IOException {
        serveTheUser();

        FormValidation result = ConnectionCheck.run(this::client, url, "circleci-token", CredentialsScope.GLOBAL);

        assertThat(result.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(result.getMessage()).isEqualTo("Connected to " + url + " as rocket-bot.").doesNotContain(TOKEN);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void systemScopedCredentialsAreAWarningEvenWhenTheTokenWorks() throws IOException {
        serveTheUser();

        FormValidation result = ConnectionCheck.run(this::client, url, "admin-token", CredentialsScope.SYSTEM);

        assertThat(result.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(result.getMessage()).startsWith("Connected to " + url + " as rocket-bot, but ")
                .contains("&#039;admin-token&#039; are System-scoped credentials, which builds cannot see",
                        "Change their scope to Global")
                .doesNotContain(TOKEN);
    }

    /** A client that cannot be built (here: unusable CA certificates in the form) is an error, not a stack trace. */
    @Test
    void aClientThatCannotBeBuiltIsAnError() throws IOException {
        serveTheUser();
        ServerSettings badCa = new ServerSettings(url, null, Duration.ofSeconds(2), Duration.ofSeconds(10),
                new RateLimit(1000, 1000), "not a certificate");

        FormValidation result = ConnectionCheck.run(() -> CircleCiServers.client(new OkHttpClient(), url, TOKEN,
                badCa), url, "circleci-token", CredentialsScope.GLOBAL);

        assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(result.getMessage()).contains("CA certificates");
        assertThat(requests.get()).isZero();
    }

    @Test
    void systemScopedCredentialsThatFailSayBoth() throws IOException {
        serve(401, "{\"message\": \"You must log in first.\"}");

        FormValidation result = ConnectionCheck.run(this::client, url, "admin-token", CredentialsScope.SYSTEM);

        assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(result.getMessage()).contains("System-scoped").doesNotContain(TOKEN);
        assertThat(requests.get()).isEqualTo(1);
    }
}
