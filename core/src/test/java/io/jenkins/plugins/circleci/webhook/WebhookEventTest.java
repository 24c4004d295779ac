package io.jenkins.plugins.circleci.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.model.JobStatus;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookEventTest {
    private static WebhookEvent parse(String json) {
        return WebhookEvent.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWorkflowCompletedEvent() {
        WebhookEvent event = parse("""
                {"id": "3888f21b-eaa7-38e3-8f3d-75a63bba8895", "type": "workflow-completed",
                 "happened_at": "2021-09-01T22:49:34.317Z", "webhook": {"id": "w", "name": "Sample"},
                 "project": {"id": "p", "name": "webhook-service", "slug": "github/circleci/webhook-service"},
                 "organization": {"id": "o", "name": "circleci"},
                 "workflow": {"id": "fda08377", "name": "build-test-deploy", "created_at": "2021-09-01T22:49:03.616Z",
                              "stopped_at": "2021-09-01T22:49:34.170Z", "url": "https://app.circleci.com/x",
                              "status": "success"},
                 "pipeline": {"id": "1285fe1d", "number": 130, "created_at": "2021-09-01T22:49:03.544Z",
                              "trigger": {"type": "webhook"}, "vcs": {"branch": "main", "future": [1]}},
                 "brand_new_field": {"anything": true}}""");

        assertThat(event.eventId()).isEqualTo("3888f21b-eaa7-38e3-8f3d-75a63bba8895");
        assertThat(event.type()).isEqualTo(WebhookEvent.WORKFLOW_COMPLETED);
        assertThat(event.projectSlug()).isEqualTo("github/circleci/webhook-service");
        assertThat(event.pipelineId()).isEqualTo("1285fe1d");
        assertThat(event.pipelineNumber()).isEqualTo(130L);
        assertThat(event.workflowId()).isEqualTo("fda08377");
        assertThat(event.workflowName()).isEqualTo("build-test-deploy");
        assertThat(event.workflowStatus()).isEqualTo(WorkflowStatus.SUCCESS);
        assertThat(event.isJobEvent()).isFalse();
        assertThat(event.job()).isNull();
    }

    @Test
    void aJobCompletedEventWithoutWorkflowStatusOrVcs() {
        WebhookEvent event = parse("""
                {"type": "job-completed", "id": "47a497be",
                 "job": {"id": "2fc6977d", "name": "say-hello", "status": "success", "number": 1,
                         "started_at": "2022-07-11T12:16:37.435Z", "stopped_at": null},
                 "workflow": {"id": "c2006ece", "name": "say-hello-workflow", "url": "https://app.circleci.com/y"},
                 "pipeline": {"id": "37c74cb7", "number": 1, "trigger": {"type": "gitlab"},
                              "trigger_parameters": {"gitlab": {"branch": "main"}}},
                 "project": {"slug": "circleci/DdaVtNusHqi24D4YT3X4eu/6EkDPZoN4ZdMKKZtBkRodt"}}""");

        assertThat(event.type()).isEqualTo(WebhookEvent.JOB_COMPLETED);
        assertThat(event.workflowStatus()).isNull();
        assertThat(event.isJobEvent()).isTrue();
        assertThat(event.job()).isEqualTo(new WebhookEvent.JobRef("2fc6977d", "say-hello", 1L, JobStatus.SUCCESS));
        assertThat(event.projectSlug()).startsWith("circleci/");
    }

    @Test
    void aMinimalEventHasNullsForWhatIsMissing() {
        WebhookEvent event = parse("{\"type\": \"ping\", \"workflow\": {\"status\": \"brand_new\"}}");

        assertThat(event.type()).isEqualTo("ping");
        assertThat(event.eventId()).isNull();
        assertThat(event.pipelineNumber()).isNull();
        assertThat(event.workflowStatus().value()).isEqualTo("brand_new");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1, 2]", "\"text\"", "{\"id\": "})
    void somethingElseIsRefusedClearly(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not a CircleCI event");
    }
}
