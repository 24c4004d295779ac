package io.jenkins.plugins.circleci.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.http.Json;
import io.jenkins.plugins.circleci.api.model.JobStatus;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import java.io.IOException;

/**
 * The parts of a CircleCI outbound webhook ({@code workflow-completed} or {@code job-completed}) needed to match
 * it to a triggered build. Payloads are open maps, so unknown fields are ignored and absent ones are null.
 *
 * @param eventId for de-duplication: CircleCI may deliver an event more than once
 * @param workflowStatus absent from job events
 * @param job present for job events only
 */
public record WebhookEvent(
        String eventId,
        String type,
        String projectSlug,
        String pipelineId,
        Long pipelineNumber,
        String workflowId,
        String workflowName,
        WorkflowStatus workflowStatus,
        JobRef job) {

    public static final String WORKFLOW_COMPLETED = "workflow-completed";
    public static final String JOB_COMPLETED = "job-completed";

    /** The job of a {@code job-completed} event. */
    public record JobRef(String id, String name, Long number, JobStatus status) {}

    /** Parses a webhook body; check its signature first with {@link WebhookSignature#matches}. */
    public static WebhookEvent parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException("The webhook body is not a JSON object, so it is not a CircleCI event.",
                    "Point only CircleCI outbound webhooks (Project Settings > Webhooks) at this URL.");
        }
        JsonNode workflow = root.path("workflow");
        JsonNode pipeline = root.path("pipeline");
        JsonNode job = root.path("job");
        String workflowStatus = text(workflow, "status");
        String jobStatus = text(job, "status");
        return new WebhookEvent(
                text(root, "id"),
                text(root, "type"),
                text(root.path("project"), "slug"),
                text(pipeline, "id"),
                number(pipeline, "number"),
                text(workflow, "id"),
                text(workflow, "name"),
                workflowStatus == null ? null : WorkflowStatus.of(workflowStatus),
                job.isObject() ? new JobRef(text(job, "id"), text(job, "name"), number(job, "number"),
                        jobStatus == null ? null : JobStatus.of(jobStatus)) : null);
    }

    public boolean isJobEvent() {
        return job != null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToLong() ? value.asLong() : null;
    }
}
