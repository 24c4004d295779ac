package io.jenkins.plugins.circleci.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.webhook.WebhookReceiver;
import io.jenkins.plugins.circleci.webhook.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Stapler adapter: what reaches the receiver and what goes back, without Jenkins. */
class CircleCiWebhookActionTest {
    private static final String SECRET = "plugin-test-signing-secret";
    private static final byte[] EVENT = """
            {"id": "e1", "type": "workflow-completed", "workflow": {"id": "w1", "status": "success"},
             "pipeline": {"id": "p1", "number": 4}}""".getBytes(StandardCharsets.UTF_8);

    private final List<String> nudged = new ArrayList<>();
    private final CircleCiWebhookAction action = new CircleCiWebhookAction(new WebhookReceiver(() -> SECRET, id -> {
        nudged.add(id);
        return 1;
    }));

    private ServletFakes.Response send(String method, Map<String, String> headers) throws Exception {
        ServletFakes.Response response = new ServletFakes.Response();
        action.doIndex(ServletFakes.request(method, "/circleci-webhook/", headers, EVENT), response.proxy);
        return response;
    }

    @Test
    void isInvisibleAtItsUrl() {
        assertThat(action.getIconFileName()).isNull();
        assertThat(action.getDisplayName()).isNull();
        assertThat(action.getUrlName()).isEqualTo("circleci-webhook");
    }

    @Test
    void aSignedEventIsHandedToTheReceiverAndAnsweredInPlainText() throws Exception {
        ServletFakes.Response response = send("POST", Map.of("Circleci-Event-Type", "workflow-completed",
                "CircleCI-Signature", "v1=" + WebhookSignature.sign(SECRET, EVENT)));

        assertThat(response.status).isEqualTo(200);
        assertThat(response.contentType).isEqualTo("text/plain;charset=UTF-8");
        assertThat(response.body.toString()).isEqualToIgnoringNewLines("Nudged 1 waiting build(s).");
        assertThat(nudged).containsExactly("p1", "w1");
    }

    @Test
    void anUnsignedPostIsForbidden() throws Exception {
        ServletFakes.Response response = send("POST", Map.of("circleci-event-type", "workflow-completed"));

        assertThat(response.status).isEqualTo(403);
        assertThat(response.body.toString()).contains("circleci-signature");
        assertThat(nudged).isEmpty();
    }

    @Test
    void aGetIsNotAllowed() throws Exception {
        assertThat(send("GET", Map.of()).status).isEqualTo(405);
        assertThat(nudged).isEmpty();
    }
}
