package io.jenkins.plugins.circleci.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.scenario.WebhookTarget;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records that hold a token or a signing secret print neither. */
class SecretRedactionTest {
    private static final String TOKEN = "CCIPAT_simulated-secret-token-77a1";
    private static final String SECRET = "whsec-signing-secret-4b2e";

    @Test
    void aRequestShowsWhatWasAskedButNotTheTokenNorQueryValues() {
        ApiRequest request = ApiRequest.of("GET", "/api/v2/pipeline/abc/workflow",
                "page-token=p1&circle-token=" + TOKEN, TOKEN, "{\"secret\":\"payload\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(request.toString()).contains("GET /api/v2/pipeline/abc/workflow", "page-token", "circle-token",
                "<redacted>", "20 bytes").doesNotContain(TOKEN, "p1", "payload");
    }

    @Test
    void aWebhookTargetShowsWhereItPostsButNotItsSecret() {
        WebhookTarget target = new WebhookTarget("http://127.0.0.1:8080/circleci-webhook/?key=receiver-key", SECRET,
                "release", List.of("workflow-completed"), "gh/acme/api");

        assertThat(target.toString()).contains("http://127.0.0.1:8080/circleci-webhook/", "secret=<redacted>",
                "release", "gh/acme/api").doesNotContain(SECRET, "receiver-key");
        assertThat(WebhookTarget.of("http://localhost/hook", null).toString()).contains("secret=none");
    }
}
