package io.jenkins.plugins.circleci.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookReceiverTest {
    private static final String SECRET = "whsec-never-shown-7f3a";
    private static final String PIPELINE = "5034460f-c7c4-4c43-9457-de07e2029e7b";
    private static final String WORKFLOW = "fda08377-fe7e-46b1-8992-3a7aaecac9c3";

    private final List<String> nudged = new ArrayList<>();
    private final Map<String, Integer> waitsPerId = new HashMap<>(Map.of(PIPELINE, 1, WORKFLOW, 1));
    private String currentSecret = SECRET;
    private final WebhookReceiver receiver = new WebhookReceiver(() -> currentSecret, id -> {
        nudged.add(id);
        return waitsPerId.getOrDefault(id, 0);
    });

    private final Logger log = Logger.getLogger(WebhookReceiver.class.getName());
    private final List<String> logLines = new ArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logLines.add(new SimpleFormatter().format(r));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previousLevel;

    @BeforeEach
    void recordLog() {
        previousLevel = log.getLevel();
        log.setLevel(Level.FINE);
        recorder.setLevel(Level.ALL);
        log.addHandler(recorder);
    }

    @AfterEach
    void stopRecording() {
        log.removeHandler(recorder);
        log.setLevel(previousLevel);
    }

    static String event(String type, String eventId) {
        return """
                {"id": "%s", "type": "%s", "happened_at": "2026-03-02T09:00:05Z",
                 "webhook": {"id": "w", "name": "jenkins"},
                 "project": {"id": "p", "name": "api", "slug": "github/acme/api"},
                 "workflow": {"id": "%s", "name": "build", "status": "success"},
                 "pipeline": {"id": "%s", "number": 7}}""".formatted(eventId, type, WORKFLOW, PIPELINE);
    }

    private WebhookResponse post(String body, Map<String, String> headers) {
        return receiver.receive("POST", headers::get, stream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A workflow-completed delivery with this {@code circleci-signature} header. */
    private WebhookResponse postWithSignature(String body, String signatureHeader) {
        return post(body, Map.of("circleci-event-type", "workflow-completed", "circleci-signature", signatureHeader));
    }

    private WebhookResponse postSigned(String type, String body) {
        return post(body, Map.of("circleci-event-type", type,
                "circleci-signature", "v1=" + WebhookSignature.sign(SECRET, bytes(body))));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream stream(byte[] body) {
        return new ByteArrayInputStream(body);
    }

    private void assertRefused(WebhookResponse response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(nudged).as("nothing nudged").isEmpty();
    }

    @Test
    void aSignedWorkflowCompletedEventNudgesItsPipelineAndWorkflow() {
        WebhookResponse response = postSigned("workflow-completed", event("workflow-completed", "e1"));

        assertThat(response).isEqualTo(new WebhookResponse(200, "Nudged 1 waiting build(s)."));
        assertThat(nudged).containsExactly(PIPELINE, WORKFLOW);
    }

    @Test
    void aSignedJobCompletedEventNudgesToo() {
        String body = event("job-completed", "e2").replace("\"pipeline\"",
                "\"job\": {\"id\": \"j\", \"name\": \"test\", \"number\": 3, \"status\": \"failed\"}, \"pipeline\"");

        assertThat(postSigned("job-completed", body).status()).isEqualTo(200);
        assertThat(nudged).containsExactly(PIPELINE, WORKFLOW);
    }

    @Test
    void anEventNoWaitConcernsIsStillAccepted() {
        waitsPerId.clear();

        assertThat(postSigned("workflow-completed", event("workflow-completed", "e3")))
                .isEqualTo(new WebhookResponse(200, "Nudged 0 waiting build(s)."));
    }

    @Test
    void aWrongSignatureIsRefused() {
        String body = event("workflow-completed", "e4");
        WebhookResponse response = postWithSignature(body,
                "v1=" + WebhookSignature.sign("another-secret", bytes(body)));

        assertRefused(response, 403);
        assertThat(response.message()).isEqualTo("Missing or invalid circleci-signature.");
    }

    @Test
    void aSignatureOfAnotherBodyIsRefused() {
        String signed = event("workflow-completed", "e5");
        String sent = signed.replace("success", "failed");

        assertRefused(postWithSignature(sent, "v1=" + WebhookSignature.sign(SECRET, bytes(signed))), 403);
    }

    @Test
    void aMissingSignatureIsRefused() {
        assertRefused(post(event("workflow-completed", "e6"), Map.of("circleci-event-type", "workflow-completed")),
                403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v1=", "garbage", "=,=", "sha256=abc", "v1=zz"})
    void aMalformedSignatureIsRefused(String signature) {
        assertRefused(postWithSignature(event("workflow-completed", "e7"), signature), 403);
    }

    @Test
    void aCorrectSignatureUnderAnotherVersionIsRefused() {
        // A header with only a v2 entry must not downgrade the check to a scheme this receiver does not trust.
        String body = event("workflow-completed", "e8");

        assertRefused(postWithSignature(body, "v2=" + WebhookSignature.sign(SECRET, bytes(body))), 403);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void withoutASigningSecretWebhooksAreOff(String secret) {
        currentSecret = secret;
        String body = event("workflow-completed", "e9");
        // Even a body signed with an empty key is refused: no secret means no webhooks at all.
        WebhookResponse response = postWithSignature(body, "v1=" + WebhookSignature.sign("x", bytes(body)));

        assertRefused(response, 404);
        assertThat(response.message()).isEqualTo("CircleCI webhooks are not enabled on this Jenkins.");
    }

    @Test
    void requestsThatFailTheChecksNeedingNoSecretNeverLookTheSecretUp() {
        AtomicInteger lookups = new AtomicInteger();
        WebhookReceiver counting = new WebhookReceiver(() -> {
            lookups.incrementAndGet();
            return SECRET;
        }, id -> 1, 64);
        String body = event("workflow-completed", "e20");
        String signature = "v1=" + WebhookSignature.sign(SECRET, bytes(body));
        Map<String, String> signedHeaders = Map.of("circleci-event-type", "workflow-completed",
                "circleci-signature", signature);

        List<Integer> statuses = List.of(
                counting.receive("GET", signedHeaders::get, stream(bytes(body))).status(),
                counting.receive("POST", Map.of("circleci-signature", signature)::get, stream(bytes(body))).status(),
                counting.receive("POST", signedHeaders::get, stream(new byte[65])).status(),
                counting.receive("POST", Map.of("circleci-event-type", "workflow-completed")::get,
                        stream(bytes("{}"))).status(),
                counting.receive("POST", Map.of("circleci-event-type", "workflow-completed",
                        "circleci-signature", "v2=abc")::get, stream(bytes("{}"))).status());

        assertThat(statuses).containsExactly(405, 400, 413, 403, 403);
        assertThat(lookups).as("secret lookups").hasValue(0);

        counting.receive("POST", Map.of("circleci-event-type", "workflow-completed",
                "circleci-signature", "v1=abc")::get, stream(bytes("{}")));
        assertThat(lookups).as("a signed-looking request does look it up").hasValue(1);
    }

    @Test
    void withWebhooksOffAnUnsignedRequestIsRefusedBeforeTheSecretIsKnownToBeMissing() {
        currentSecret = null;

        assertRefused(post(event("workflow-completed", "e21"), Map.of("circleci-event-type", "workflow-completed")),
                403);
        assertRefused(receiver.receive("GET", Map.<String, String>of()::get, stream(new byte[0])), 405);
    }

    @Test
    void theSecretIsAskedForOnEveryDeliverySoAChangeAppliesAtOnce() {
        String body = event("workflow-completed", "e10");
        currentSecret = "old-secret";
        assertRefused(postSigned("workflow-completed", body), 403);

        currentSecret = SECRET;
        assertThat(postSigned("workflow-completed", body).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "HEAD", "post"})
    void onlyPostIsAccepted(String method) {
        String body = event("workflow-completed", "e11");
        WebhookResponse response = receiver.receive(method, Map.of("circleci-event-type", "workflow-completed",
                "circleci-signature", "v1=" + WebhookSignature.sign(SECRET, bytes(body)))::get, stream(bytes(body)));

        assertRefused(response, 405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void theEventTypeHeaderIsRequired(String type) {
        String body = event("workflow-completed", "e12");
        Map<String, String> headers = new HashMap<>(Map.of(
                "circleci-signature", "v1=" + WebhookSignature.sign(SECRET, bytes(body))));
        assertRefused(post(body, headers), 400);

        headers.put("circleci-event-type", type);
        WebhookResponse response = post(body, headers);
        assertRefused(response, 400);
        assertThat(response.message()).contains("circleci-event-type");
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnreadPastTheLimit() {
        byte[] huge = new byte[WebhookReceiver.MAX_BODY_BYTES + 4096];
        CountingStream body = new CountingStream(huge);
        WebhookResponse response = receiver.receive("POST", Map.of("circleci-event-type", "workflow-completed",
                "circleci-signature", "v1=" + WebhookSignature.sign(SECRET, huge))::get, body);

        assertRefused(response, 413);
        assertThat(body.read).isEqualTo(WebhookReceiver.MAX_BODY_BYTES + 1);
    }

    @Test
    void aBodyAtTheLimitIsRead() {
        String event = event("workflow-completed", "e13");
        String padded = event + " ".repeat(WebhookReceiver.MAX_BODY_BYTES - bytes(event).length);

        assertThat(postSigned("workflow-completed", padded).status()).isEqualTo(200);
    }

    @Test
    void anUnreadableBodyIsRefused() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertRefused(receiver.receive("POST", Map.of("circleci-event-type", "workflow-completed")::get, broken), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1, 2]", "{\"id\": ", ""})
    void aSignedBodyThatIsNotAnEventIsRefused(String body) {
        WebhookResponse response = postSigned("workflow-completed", body);

        assertRefused(response, 400);
        assertThat(response.message()).isEqualTo("The body is not a CircleCI event.");
    }

    @Test
    void aDuplicateDeliveryNudgesOnce() {
        String body = event("workflow-completed", "e14");

        assertThat(postSigned("workflow-completed", body).status()).isEqualTo(200);
        WebhookResponse again = postSigned("workflow-completed", body);

        assertThat(again).isEqualTo(new WebhookResponse(200, "Already received; ignored."));
        assertThat(nudged).containsExactly(PIPELINE, WORKFLOW);
    }

    @Test
    void onlyTheLatestEventIdsAreRemembered() {
        postSigned("workflow-completed", event("workflow-completed", "first"));
        for (int i = 0; i < WebhookReceiver.REMEMBERED_EVENTS; i++) {
            postSigned("workflow-completed", event("workflow-completed", "other-" + i));
        }
        nudged.clear();

        assertThat(postSigned("workflow-completed", event("workflow-completed", "first")).message())
                .startsWith("Nudged");
        assertThat(nudged).containsExactly(PIPELINE, WORKFLOW);
    }

    @Test
    void eventsWithoutAnIdAreNeverTakenForDuplicates() {
        String body = event("workflow-completed", "x").replace("\"id\": \"x\", ", "");

        postSigned("workflow-completed", body);
        postSigned("workflow-completed", body);

        assertThat(nudged).containsExactly(PIPELINE, WORKFLOW, PIPELINE, WORKFLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ping", "workflow-started", "job-started"})
    void otherSignedEventsAreIgnoredWith200(String type) {
        WebhookResponse response = postSigned(type, event(type, "e15-" + type));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.message()).startsWith("Ignored");
        assertThat(nudged).isEmpty();
    }

    @Test
    void anUnknownEventDoesNotUseUpItsIdForALaterRealOne() {
        postSigned("ping", event("ping", "e16"));

        assertThat(postSigned("workflow-completed", event("workflow-completed", "e16")).message()).startsWith("Nudged");
    }

    @Test
    void anEventWithoutIdsNudgesNothing() {
        String body = "{\"id\": \"e17\", \"type\": \"workflow-completed\", \"workflow\": {\"status\": \"success\"}}";

        assertThat(postSigned("workflow-completed", body))
                .isEqualTo(new WebhookResponse(200, "Nudged 0 waiting build(s)."));
        assertThat(nudged).isEmpty();
    }

    @Test
    void neitherTheSecretNorASignatureEverAppearsInAnAnswerOrTheLog() {
        String body = event("workflow-completed", "e18");
        String good = WebhookSignature.sign(SECRET, bytes(body));
        String nearMiss = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
        List<WebhookResponse> answers = new ArrayList<>();
        answers.add(postSigned("workflow-completed", body));
        answers.add(postSigned("workflow-completed", body));
        answers.add(postSigned("ping", event("ping", "e19")));
        answers.add(postSigned("workflow-completed", "garbage " + SECRET));
        answers.add(postWithSignature(body, "v1=" + nearMiss));
        answers.add(postWithSignature(body, "v1=" + SECRET));
        answers.add(receiver.receive("GET", Map.<String, String>of()::get, stream(new byte[0])));
        currentSecret = null;
        answers.add(postSigned("workflow-completed", body));

        assertThat(logLines).as("refusals are logged at FINE").hasSizeGreaterThanOrEqualTo(5);
        for (String text : concat(answers, logLines)) {
            assertThat(text).doesNotContain(SECRET).doesNotContain(good).doesNotContain(nearMiss);
        }
    }

    private static List<String> concat(List<WebhookResponse> answers, List<String> lines) {
        List<String> all = new ArrayList<>(lines);
        answers.forEach(a -> all.add(a.toString()));
        return all;
    }

    /** Counts how much of the body the receiver read. */
    private static final class CountingStream extends ByteArrayInputStream {
        int read;

        CountingStream(byte[] body) {
            super(body);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }
}
