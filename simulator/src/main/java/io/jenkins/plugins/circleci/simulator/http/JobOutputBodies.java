package io.jenkins.plugins.circleci.simulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.circleci.simulator.model.JobView;
import io.jenkins.plugins.circleci.simulator.model.SimJob;
import io.jenkins.plugins.circleci.simulator.model.SimPipeline;
import io.jenkins.plugins.circleci.simulator.model.SimProject;
import io.jenkins.plugins.circleci.simulator.model.StepTimeline;
import io.jenkins.plugins.circleci.simulator.model.WorkflowView;
import io.jenkins.plugins.circleci.simulator.scenario.TestSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON of a job's details that API v2 lacks: declared test results (v2 {@code TestsResponse} items), the v1.1
 * job ("build") with its {@code steps[].actions[]}, and a step's output, a JSON array of {@code {type, time,
 * message}} chunks as CircleCI's pre-signed {@code output_url} serves it. Written from CircleCI's documented samples
 * (API v1.1 "Single Job") and real output bodies, never shared with the client.
 */
final class JobOutputBodies {

    /** Output is cut into chunks this long (real chunks cut lines anywhere, so clients must join them). */
    static final int CHUNK = 100;
    static final String EXIT_LINE = "\r\nExited with code exit status 1\r\n";

    private final Bodies bodies;

    JobOutputBodies(Bodies bodies) {
        this.bodies = bodies;
    }

    /** A v2 {@code TestsResponse} item: every field required, {@code message} nullable. */
    static ObjectNode test(TestSpec t) {
        ObjectNode o = Json.object();
        if (t.message() == null) {
            o.putNull("message");
        } else {
            o.put("message", t.message());
        }
        o.put("source", t.source());
        o.put("run_time", t.runTime());
        o.put("file", t.file());
        o.put("result", t.result());
        o.put("name", t.name());
        o.put("classname", t.classname());
        return o;
    }

    /**
     * The v1.1 job ({@code GET /api/v1.1/project/:vcs/:org/:repo/:build_num}): the fields of the docs' "Single Job"
     * sample that describe the run, and its steps, each with one action whose {@code output_url} comes from
     * {@code outputUrl}.
     */
    ObjectNode v11Job(JobView view, WorkflowView workflow, List<StepTimeline.Step> steps,
                      Function<StepTimeline.Step, String> outputUrl) {
        SimJob j = view.job();
        SimPipeline p = j.workflow().pipeline();
        SimProject project = p.project();
        ObjectNode o = Json.object();
        o.put("build_num", view.number());
        o.put("build_url", bodies.workflowUrl(workflow.workflow()) + "/jobs/" + view.number());
        o.put("vcs_url", project.vcsUrl());
        o.put("vcs_type", project.vcsLongName());
        o.put("username", project.organization());
        o.put("reponame", project.name());
        if (p.trigger().branch() != null) {
            o.put("branch", p.trigger().branch());
        } else {
            o.putNull("branch");
        }
        o.put("vcs_revision", p.revision());
        o.put("why", "api");
        o.putNull("dont_build");
        Json.putTime(o, "queued_at", view.startedAt());
        Json.putTime(o, "start_time", view.startedAt());
        Json.putTime(o, "stop_time", view.stoppedAt());
        if (view.startedAt() != null && view.stoppedAt() != null) {
            o.put("build_time_millis", Duration.between(view.startedAt(), view.stoppedAt()).toMillis());
        } else {
            o.putNull("build_time_millis");
        }
        String status = v11Status(view.status());
        o.put("lifecycle", lifecycle(view.status()));
        String outcome = outcome(view.status());
        if (outcome == null) {
            o.putNull("outcome");
        } else {
            o.put("outcome", outcome);
        }
        o.put("status", status);
        if ("failed".equals(outcome)) {
            o.put("failed", true);
        } else {
            o.putNull("failed");
        }
        o.put("parallel", 1);
        o.putNull("retry_of");
        o.putArray("messages");
        ObjectNode wf = o.putObject("workflows");
        wf.put("job_name", j.name()).put("job_id", j.id().toString())
                .put("workflow_id", workflow.workflow().id().toString())
                .put("workflow_name", workflow.workflow().name()).put("pipeline_id", p.id().toString());
        ArrayNode upstream = wf.putArray("upstream_job_ids");
        j.upstream().forEach(u -> upstream.add(u.id().toString()));
        ArrayNode out = o.putArray("steps");
        for (StepTimeline.Step step : steps) {
            ObjectNode s = out.addObject();
            s.put("name", step.spec().name());
            ObjectNode a = s.putArray("actions").addObject();
            a.put("index", 0);
            a.put("step", step.index());
            a.put("name", step.spec().name());
            a.put("type", step.index() == 0 ? "infrastructure" : "test");
            a.put("status", step.status());
            if (step.failed()) {
                a.put("failed", true);
                a.put("exit_code", 1);
            } else {
                a.putNull("failed");
                if ("success".equals(step.status())) {
                    a.put("exit_code", 0);
                } else {
                    a.putNull("exit_code");
                }
            }
            a.putNull("bash_command");
            Json.putTime(a, "start_time", step.start());
            Json.putTime(a, "end_time", step.end());
            if (step.end() != null) {
                a.put("run_time_millis", Duration.between(step.start(), step.end()).toMillis());
            } else {
                a.putNull("run_time_millis");
            }
            a.put("has_output", true);
            a.put("output_url", outputUrl.apply(step));
            a.put("truncated", false);
            a.put("parallel", false);
            a.put("background", false);
            a.put("insignificant", false);
            a.putNull("canceled");
            a.putNull("infrastructure_fail");
            a.putNull("timedout");
            a.putNull("continue");
            a.putArray("messages");
        }
        return o;
    }

    /** A step's output: its text in {@link #CHUNK}-character {@code out} messages, and the exit line of a failure. */
    static ArrayNode output(StepTimeline.Step step) {
        ArrayNode chunks = Json.array();
        String text = step.spec().output();
        Instant at = step.end() != null ? step.end() : step.start();
        for (int i = 0; i < text.length(); i += CHUNK) {
            chunks.addObject().put("type", "out").put("time", Json.time(at))
                    .put("message", text.substring(i, Math.min(text.length(), i + CHUNK)));
        }
        if (step.failed()) {
            chunks.addObject().put("type", "err").put("time", Json.time(at)).put("message", EXIT_LINE);
        }
        return chunks;
    }

    /** v1.1 {@code status}: v2 and v1.1 share most words; those v1.1 lacks become their nearest v1.1 one. */
    private static String v11Status(String v2) {
        return switch (v2) {
            case "blocked", "on_hold" -> "not_running";
            case "unauthorized", "terminated-unknown" -> "failed";
            default -> v2;
        };
    }

    private static String lifecycle(String v2) {
        return switch (v2) {
            case "running" -> "running";
            case "queued" -> "queued";
            case "not_run" -> "not_run";
            case "blocked", "not_running", "on_hold" -> "not_running";
            default -> "finished";
        };
    }

    /** v1.1 {@code outcome}: null until the job finished. */
    private static String outcome(String v2) {
        return switch (v2) {
            case "running", "queued", "blocked", "not_running", "on_hold", "not_run" -> null;
            case "success", "canceled", "infrastructure_fail", "timedout" -> v2;
            default -> "failed";
        };
    }
}
