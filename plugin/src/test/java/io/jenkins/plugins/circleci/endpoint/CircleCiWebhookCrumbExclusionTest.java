package io.jenkins.plugins.circleci.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CircleCiWebhookCrumbExclusionTest {
    private final CircleCiWebhookCrumbExclusion exclusion = new CircleCiWebhookCrumbExclusion();
    private final List<String> passedOn = new ArrayList<>();
    private final FilterChain chain = (request, response) -> passedOn.add("chain");

    @ParameterizedTest
    @ValueSource(strings = {"/circleci-webhook/", "/circleci-webhook"})
    void theWebhookPathSkipsTheCrumbCheck(String path) throws Exception {
        assertThat(exclusion.process(ServletFakes.request("POST", path, Map.of(), new byte[0]), null, chain))
                .isTrue();
        assertThat(passedOn).containsExactly("chain");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "/", "/circleci-webhook//", "/circleci-webhook/x", "/circleci-webhook/../script", "/circleci-webhookx/",
        "/job/circleci-webhook/", "/x/circleci-webhook/", "circleci-webhook/", "/CIRCLECI-WEBHOOK/",
        "/circleci-webhook/;/script", "/github-webhook/", "/script"})
    void anyOtherPathKeepsIt(String path) throws Exception {
        assertThat(exclusion.process(ServletFakes.request("POST", path, Map.of(), new byte[0]), null, chain))
                .isFalse();
        assertThat(passedOn).isEmpty();
    }

    @Test
    void thePathIsTheActionsUrl() {
        assertThat(CircleCiWebhookCrumbExclusion.isWebhookPath("/" + new CircleCiWebhookAction(null).getUrlName()
                + "/")).isTrue();
    }
}
