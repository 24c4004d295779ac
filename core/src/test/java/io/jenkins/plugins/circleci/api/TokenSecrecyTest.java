package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.PIPELINE_ID;
import static io.jenkins.plugins.circleci.api.ClientFixture.TOKEN;
import static io.jenkins.plugins.circleci.api.ClientFixture.json;
import static io.jenkins.plugins.circleci.api.ClientFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.error.CircleCiException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No exception, hint, toString or log line may carry the token, whatever goes wrong. */
class TokenSecrecyTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ClientFixture fixture = new ClientFixture(server);
    // OkHttp and MockWebServer log from their own threads while the test reads the lines.
    private final List<String> logLines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(new java.util.logging.SimpleFormatter().format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger root = Logger.getLogger("");
    private Level previousLevel;

    @BeforeEach
    void captureAllLogging() {
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        Logger.getLogger("io.jenkins.plugins.circleci").setLevel(Level.ALL);
        Logger.getLogger("okhttp3").setLevel(Level.ALL);
    }

    @AfterEach
    void stopCapturing() {
        root.removeHandler(capture);
        root.setLevel(previousLevel);
        Logger.getLogger("io.jenkins.plugins.circleci").setLevel(null);
        Logger.getLogger("okhttp3").setLevel(null);
    }

    @Test
    void theTokenAppearsNowhere() {
        List<String> texts = new ArrayList<>();
        CircleCiClient client = fixture.client();
        texts.add(client.toString());
        texts.add(client.budget().toString());
        TriggerRequest trigger = TriggerRequest.builder(ProjectSlug.parse("gh/acme/rocket")).branch("main")
                .parameter("p", "v").build();
        texts.add(trigger.toString());

        List<MockResponse> answers = List.of(
                json(400, "{\"message\": \"Branch not found\"}"),
                json(401, "{\"message\": \"Invalid token provided.\"}"),
                json(403, "{\"message\": \"Permission denied.\"}"),
                json(404, "{\"message\": \"Project not found\"}"),
                new MockResponse.Builder().code(429).setHeader("Retry-After", "1").body("Rate limited.").build(),
                text(500, "text/html", "<html><title>Oops</title></html>"),
                text(200, "text/plain", "not json"),
                // A proxy's debug page or a misconfigured server that echoes the request's headers back.
                text(502, "text/plain", "Bad gateway. Request headers: Circle-Token: " + TOKEN),
                json(400, "{\"message\": \"Invalid Circle-Token " + TOKEN + "\"}"),
                text(200, "text/html", "<html><title>Login: " + TOKEN + "</title></html>"),
                new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
        List<Consumer<CircleCiClient>> calls = List.of(
                c -> c.trigger(trigger),
                c -> c.getPipeline(PIPELINE_ID),
                c -> c.getProject(ProjectSlug.parse("gh/acme/rocket")),
                c -> c.listWorkflows(PIPELINE_ID),
                c -> c.rerunWorkflow("wf", true));
        for (MockResponse answer : answers) {
            for (Consumer<CircleCiClient> call : calls) {
                for (int i = 0; i < 5; i++) {
                    server.enqueue(answer);
                }
                try {
                    call.accept(fixture.builder().retryPolicy(new RetryPolicy(2, java.time.Duration.ofMillis(1),
                            java.time.Duration.ofMillis(1), java.time.Duration.ofSeconds(10))).build());
                } catch (CircleCiException e) {
                    texts.add(describe(e));
                }
            }
        }
        texts.add(describe(badToken(TOKEN + "\n" + TOKEN)));

        assertThat(texts).hasSizeGreaterThan(30);
        assertThat(logLines).isNotEmpty();
        assertThat(texts).noneMatch(t -> t.contains(TOKEN) || t.contains("Xq7SecretToken"));
        assertThat(logLines).noneMatch(t -> t.contains(TOKEN) || t.contains("Xq7SecretToken"));
    }

    @Test
    void aServerAnswerThatEchoesTheTokenIsMaskedInTheError() {
        for (MockResponse echo : List.of(
                json(400, "{\"message\": \"Invalid Circle-Token " + TOKEN + "\"}"),
                text(502, "text/plain", "Bad gateway. Request headers: Circle-Token: " + TOKEN),
                text(200, "text/html", "<html><title>Login: " + TOKEN + "</title></html>"))) {
            server.enqueue(echo);
            try {
                fixture.builder().retryPolicy(RetryPolicy.none()).build().getPipeline(PIPELINE_ID);
                throw new AssertionError("no error for " + echo);
            } catch (CircleCiException e) {
                assertThat(describe(e)).contains("CircleCI answered").doesNotContain("Xq7SecretToken");
            }
        }
    }

    private CircleCiException badToken(String token) {
        try {
            fixture.builder().token(token).build();
            throw new AssertionError("a token with a line break was accepted");
        } catch (CircleCiException e) {
            return e;
        }
    }

    /** Message, hint, toString and stack trace of the exception and all its causes. */
    private static String describe(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        StringBuilder all = new StringBuilder(out.toString());
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append('\n').append(t).append('\n').append(t.getMessage());
            if (t instanceof CircleCiException circle) {
                all.append('\n').append(circle.hint()).append('\n').append(circle.describe());
            }
        }
        return all.toString();
    }
}
