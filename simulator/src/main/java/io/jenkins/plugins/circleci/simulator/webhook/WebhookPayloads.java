package io.jenkins.plugins.circleci.simulator.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.circleci.simulator.http.Bodies;
import io.jenkins.plugins.circleci.simulator.model.JobView;
import io.jenkins.plugins.circleci.simulator.model.SimPipeline;
import io.jenkins.plugins.circleci.simulator.model.SimProject;
import io.jenkins.plugins.circleci.simulator.model.TriggerRequest;
import io.jenkins.plugins.circleci.simulator.model.WorkflowView;
import io.jenkins.plugins.circleci.simulator.scenario.WebhookTarget;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Builds {@code workflow-completed} and {@code job-completed} payloads in the shape of CircleCI's samples. */
final class WebhookPayloads {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Bodies bodies;

    WebhookPayloads(Bodies bodies) {
        this.bodies = bodies;
    }

    ObjectNode workflowCompleted(UUID eventId, WebhookTarget target, WorkflowView w) {
        ObjectNode o = envelope(eventId, "workflow-completed", w.stoppedAt(), target, w.workflow().pipeline());
        ObjectNode workflow = workflow(w);
        workflow.put("status", w.status());
        o.set("workflow", workflow);
        o.set("pipeline", pipeline(w.workflow().pipeline()));
        return o;
    }

    ObjectNode jobCompleted(UUID eventId, WebhookTarget target, WorkflowView w, JobView j) {
        ObjectNode o = envelope(eventId, "job-completed", j.stoppedAt(), target, w.workflow().pipeline());
        ObjectNode job = o.putObject("job");
        job.put("id", j.job().id().toString());
        job.put("name", j.job().name());
        time(job, "started_at", j.startedAt());
        time(job, "stopped_at", j.stoppedAt());
        job.put("status", j.status());
        if (j.number() != null) {
            job.put("number", j.number());
        }
        o.set("workflow", workflow(w)); // no status in job-level events, as documented
        o.set("pipeline", pipeline(w.workflow().pipeline()));
        return o;
    }

    private ObjectNode envelope(UUID eventId, String type, Instant happenedAt, WebhookTarget target, SimPipeline p) {
        SimProject project = p.project();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", eventId.toString());
        o.put("type", type);
        time(o, "happened_at", happenedAt);
        o.putObject("webhook").put("id", webhookId(target).toString()).put("name", target.name());
        o.putObject("project").put("id", project.id().toString()).put("name", project.name())
                .put("slug", project.vcsLongName() + "/" + project.organization() + "/" + project.name());
        o.putObject("organization").put("id", project.organizationId().toString()).put("name", project.organization());
        return o;
    }

    private ObjectNode workflow(WorkflowView w) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", w.workflow().id().toString());
        o.put("name", w.workflow().name());
        time(o, "created_at", w.createdAt());
        time(o, "stopped_at", w.stoppedAt());
        o.put("url", bodies.workflowUrl(w.workflow()));
        return o;
    }

    private ObjectNode pipeline(SimPipeline p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", p.id().toString());
        o.put("number", p.number());
        time(o, "created_at", p.createdAt());
        o.putObject("trigger").put("type", "api");
        TriggerRequest t = p.trigger();
        SimProject project = p.project();
        if ("CircleCI".equals(project.provider())) {
            // GitHub App / GitLab / Bitbucket DC pipelines carry trigger_parameters instead of vcs.
            ObjectNode tp = o.putObject("trigger_parameters");
            ObjectNode circleci = tp.putObject("circleci");
            time(circleci, "event_time", p.createdAt());
            circleci.put("event_type", "api").put("trigger_type", "api");
            tp.putObject("git").put("branch", t.branch() == null ? "" : t.branch())
                    .put("tag", t.tag() == null ? "" : t.tag()).put("checkout_sha", p.revision());
        } else if (t.branch() != null || t.tag() != null) {
            ObjectNode vcs = o.putObject("vcs");
            vcs.put("provider_name", project.vcsLongName());
            vcs.put("origin_repository_url", project.vcsUrl());
            vcs.put("target_repository_url", project.vcsUrl());
            vcs.put("revision", p.revision());
            ObjectNode commit = vcs.putObject("commit");
            commit.put("subject", "Simulated commit").putNull("body");
            commit.putObject("author").put("name", "Simulated User").put("email", "sim-user@example.com");
            time(commit, "authored_at", p.createdAt());
            commit.putObject("committer").put("name", "Simulated User").put("email", "sim-user@example.com");
            time(commit, "committed_at", p.createdAt());
            if (t.branch() != null) {
                vcs.put("branch", t.branch());
            } else {
                vcs.put("tag", t.tag());
            }
        }
        return o;
    }

    static UUID webhookId(WebhookTarget target) {
        return UUID.nameUUIDFromBytes(("webhook:" + target.url() + "#" + target.name()).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void time(ObjectNode o, String field, Instant t) {
        if (t == null) {
            o.putNull(field);
        } else {
            o.put(field, TIMESTAMP.format(t));
        }
    }
}
