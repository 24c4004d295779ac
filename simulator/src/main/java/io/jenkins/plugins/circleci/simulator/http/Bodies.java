package io.jenkins.plugins.circleci.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.circleci.simulator.model.JobView;
import io.jenkins.plugins.circleci.simulator.model.PipelineView;
import io.jenkins.plugins.circleci.simulator.model.SimJob;
import io.jenkins.plugins.circleci.simulator.model.SimPipeline;
import io.jenkins.plugins.circleci.simulator.model.SimProject;
import io.jenkins.plugins.circleci.simulator.model.SimWorkflow;
import io.jenkins.plugins.circleci.simulator.model.TriggerRequest;
import io.jenkins.plugins.circleci.simulator.model.WorkflowView;
import io.jenkins.plugins.circleci.simulator.scenario.PipelineError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes the API's JSON bodies from the spec's schemas, with the fields, required members and nulls that CircleCI
 * really sends. Written from the spec on purpose, not shared with the client's model (see DESIGN.md).
 */
public final class Bodies {

    private final String baseUrl;

    public Bodies(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@code PipelineCreation} (201 of both triggers): id, state, number, created_at. */
    ObjectNode pipelineCreation(PipelineView view) {
        SimPipeline p = view.pipeline();
        ObjectNode o = Json.object();
        o.put("id", p.id().toString());
        o.put("state", view.state());
        o.put("number", p.number());
        Json.putTime(o, "created_at", p.createdAt());
        return o;
    }

    /**
     * {@code PipelineConfig} ({@code GET /pipeline/{id}/config}): {@code source} and {@code compiled} always (empty
     * when the scenario gives no config); {@code setup-config} and {@code compiled-setup-config} only for a pipeline
     * with a setup workflow, as the spec says they "should not exist" otherwise. The simulator compiles nothing (no
     * orbs to expand): each compiled text is its source.
     */
    ObjectNode pipelineConfig(SimPipeline p) {
        ObjectNode o = Json.object();
        var scenario = p.scenario();
        String source = scenario.hasSetupWorkflow() ? scenario.continuationConfig() : scenario.config();
        o.put("source", source);
        o.put("compiled", source);
        if (scenario.hasSetupWorkflow()) {
            o.put("setup-config", scenario.config());
            o.put("compiled-setup-config", scenario.config());
        }
        return o;
    }

    /** {@code Pipeline}. */
    ObjectNode pipeline(PipelineView view) {
        SimPipeline p = view.pipeline();
        SimProject project = p.project();
        ObjectNode o = Json.object();
        o.put("id", p.id().toString());
        var errors = o.putArray("errors");
        if ("errored".equals(view.state())) {
            for (PipelineError e : p.scenario().errors()) {
                errors.addObject().put("type", e.type()).put("message", e.message());
            }
        }
        o.put("project_slug", project.slug());
        Json.putTime(o, "updated_at", view.updatedAt());
        o.put("number", p.number());
        o.set("trigger_parameters", triggerParameters(p));
        o.put("state", view.state());
        Json.putTime(o, "created_at", p.createdAt());
        ObjectNode trigger = o.putObject("trigger");
        trigger.put("type", "api");
        Json.putTime(trigger, "received_at", p.createdAt());
        trigger.putObject("actor").put("login", UserBodies.LOGIN).put("avatar_url", UserBodies.AVATAR_URL);
        TriggerRequest t = p.trigger();
        if (t.branch() != null || t.tag() != null) {
            ObjectNode vcs = o.putObject("vcs");
            vcs.put("provider_name", project.provider());
            vcs.put("origin_repository_url", project.vcsUrl());
            vcs.put("target_repository_url", project.vcsUrl());
            vcs.put("revision", p.revision());
            if (t.branch() != null) {
                vcs.put("branch", t.branch());
            } else {
                vcs.put("tag", t.tag());
            }
            vcs.putObject("commit").put("subject", "Simulated commit").putNull("body");
        }
        return o;
    }

    /**
     * GitHub App / GitLab / Bitbucket DC pipelines ({@code circleci/...} slugs) describe their trigger here instead
     * of in {@code vcs}; others send an empty map.
     */
    private ObjectNode triggerParameters(SimPipeline p) {
        ObjectNode tp = Json.object();
        if (!"CircleCI".equals(p.project().provider())) {
            return tp;
        }
        ObjectNode circleci = tp.putObject("circleci");
        Json.putTime(circleci, "event_time", p.createdAt());
        circleci.put("event_type", "api").put("trigger_type", "api")
                .put("actor_id", p.project().simulation().userId().toString());
        ObjectNode git = tp.putObject("git");
        git.put("branch", p.trigger().branch() == null ? "" : p.trigger().branch());
        git.put("tag", p.trigger().tag() == null ? "" : p.trigger().tag());
        git.put("checkout_sha", p.revision());
        return tp;
    }

    /** {@code Workflow}. */
    ObjectNode workflow(WorkflowView view) {
        SimWorkflow w = view.workflow();
        SimPipeline p = w.pipeline();
        ObjectNode o = Json.object();
        o.put("pipeline_id", p.id().toString());
        if (view.canceledBy() != null) {
            o.put("canceled_by", view.canceledBy().toString());
        }
        o.put("id", w.id().toString());
        o.put("name", w.name());
        o.put("project_slug", p.project().slug());
        if (w.setup()) {
            o.put("tag", "setup");
        }
        o.put("status", view.status());
        o.put("started_by", p.project().simulation().userId().toString());
        if (w.autoRerunNumber() != null) {
            o.put("auto_rerun_number", w.autoRerunNumber());
        }
        if (w.maxAutoReruns() != null) {
            o.put("max_auto_reruns", w.maxAutoReruns());
        }
        o.put("pipeline_number", p.number());
        Json.putTime(o, "created_at", view.createdAt());
        Json.putTime(o, "stopped_at", view.stoppedAt());
        return o;
    }

    /** {@code Job} (an item of a workflow's job list). */
    ObjectNode job(JobView view) {
        SimJob j = view.job();
        ObjectNode o = Json.object();
        if (view.canceledBy() != null) {
            o.put("canceled_by", view.canceledBy().toString());
        }
        var deps = o.putArray("dependencies");
        j.upstream().forEach(u -> deps.add(u.id().toString()));
        if (view.number() != null) {
            o.put("job_number", view.number());
        }
        o.put("id", j.id().toString());
        Json.putTime(o, "started_at", view.startedAt());
        o.put("name", j.name());
        if (view.approvedBy() != null) {
            o.put("approved_by", view.approvedBy().toString());
        }
        o.put("project_slug", j.workflow().pipeline().project().slug());
        o.put("status", view.status());
        o.put("type", j.approval() ? "approval" : "build");
        if (!j.upstream().isEmpty()) {
            ObjectNode requires = o.putObject("requires");
            j.upstream().forEach(u -> requires.putArray(u.id().toString()).add("success"));
        }
        if (view.terminal()) {
            Json.putTime(o, "stopped_at", view.stoppedAt());
        }
        if (j.approval()) {
            o.put("approval_request_id", j.id().toString());
        }
        return o;
    }

    /** {@code Job Details} of a build job that has started. */
    ObjectNode jobDetails(JobView view, WorkflowView workflow) {
        SimJob j = view.job();
        SimPipeline p = j.workflow().pipeline();
        SimProject project = p.project();
        ObjectNode o = Json.object();
        o.put("web_url", workflowUrl(workflow.workflow()) + "/jobs/" + view.number());
        o.putObject("project").put("id", project.id().toString()).put("slug", project.slug())
                .put("name", project.name()).put("external_url", project.vcsUrl());
        o.putArray("parallel_runs").addObject().put("index", 0).put("status", view.status());
        Json.putTime(o, "started_at", view.startedAt());
        o.putObject("latest_workflow").put("id", workflow.workflow().id().toString())
                .put("name", workflow.workflow().name());
        o.put("name", j.name());
        o.putObject("executor").put("resource_class", "medium").put("type", "docker");
        o.put("parallelism", 1);
        o.put("status", view.status());
        o.put("number", view.number());
        o.putObject("pipeline").put("id", p.id().toString());
        if (view.stoppedAt() != null) {
            o.put("duration", Duration.between(view.startedAt(), view.stoppedAt()).toMillis());
        } else {
            o.putNull("duration");
        }
        Json.putTime(o, "created_at", workflow.createdAt());
        o.putArray("messages");
        o.putArray("contexts");
        o.putObject("organization").put("name", project.organization());
        Json.putTime(o, "queued_at", view.startedAt());
        Json.putTime(o, "stopped_at", view.stoppedAt());
        return o;
    }

    /** Test results of a finished job: those declared, else all succeed but the last one of a failed job. */
    List<ObjectNode> tests(JobView view) {
        List<ObjectNode> out = new ArrayList<>();
        if (!view.terminal()) {
            return out;
        }
        if (!view.job().spec().testResults().isEmpty()) {
            view.job().spec().testResults().forEach(t -> out.add(JobOutputBodies.test(t)));
            return out;
        }
        int count = view.job().spec().tests();
        for (int i = 1; i <= count; i++) {
            boolean fails = i == count && !"success".equals(view.status());
            ObjectNode t = Json.object();
            if (fails) {
                t.put("message", "expected true but was false");
            } else {
                t.putNull("message");
            }
            t.put("source", "junit");
            t.put("run_time", 0.25 * i);
            t.put("file", "src/test/java/SimulatedTest" + i + ".java");
            t.put("result", fails ? "failure" : "success");
            t.put("name", "test" + i);
            t.put("classname", "io.example." + view.job().name() + ".SimulatedTest" + i);
            out.add(t);
        }
        return out;
    }

    /** Artifacts of a finished job; their {@code url}s are served by {@link ArtifactRoutes}. */
    List<ObjectNode> artifacts(JobView view) {
        List<ObjectNode> out = new ArrayList<>();
        if (!view.terminal()) {
            return out;
        }
        String slug = view.job().workflow().pipeline().project().slug();
        for (var artifact : view.job().spec().storedArtifacts()) {
            out.add(Json.object().put("path", artifact.path()).put("node_index", artifact.nodeIndex())
                    .put("url", ArtifactRoutes.url(baseUrl, slug, view.number(), artifact)));
        }
        return out;
    }

    /** {@code Project}. */
    ObjectNode project(SimProject project) {
        ObjectNode o = Json.object();
        o.put("slug", project.slug());
        o.put("name", project.name());
        o.put("id", project.id().toString());
        o.put("organization_name", project.organization());
        o.put("organization_slug", project.vcsSlug() + "/" + project.organization());
        o.put("organization_id", project.organizationId().toString());
        o.putObject("vcs_info").put("vcs_url", project.vcsUrl()).put("provider", project.provider())
                .put("default_branch", project.scenario().defaultBranch());
        return o;
    }

    /** {@code User} of {@code /me}. */
    ObjectNode user(UUID id) {
        return Json.object().put("avatar_url", UserBodies.AVATAR_URL).put("id", id.toString())
                .put("login", UserBodies.LOGIN).put("name", UserBodies.NAME);
    }

    /** The web UI link of a workflow: {@code <base>/pipelines/<vcs-long>/<org>/<repo>/<number>/workflows/<id>}. */
    public String workflowUrl(SimWorkflow w) {
        SimPipeline p = w.pipeline();
        SimProject project = p.project();
        return baseUrl + "/pipelines/" + project.vcsLongName() + "/" + project.organization() + "/" + project.name()
                + "/" + p.number() + "/workflows/" + w.id();
    }

    /** The simulated user's fixed profile. */
    static final class UserBodies {
        static final String LOGIN = "sim-user";
        static final String NAME = "Simulated User";
        static final String AVATAR_URL = "https://avatars.githubusercontent.com/u/0?v=4";

        private UserBodies() {
        }
    }
}
