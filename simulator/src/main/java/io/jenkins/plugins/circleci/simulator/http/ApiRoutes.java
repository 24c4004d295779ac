package io.jenkins.plugins.circleci.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.circleci.simulator.model.JobView;
import io.jenkins.plugins.circleci.simulator.model.PipelineView;
import io.jenkins.plugins.circleci.simulator.model.SimJob;
import io.jenkins.plugins.circleci.simulator.model.SimPipeline;
import io.jenkins.plugins.circleci.simulator.model.SimProject;
import io.jenkins.plugins.circleci.simulator.model.SimWorkflow;
import io.jenkins.plugins.circleci.simulator.model.Simulation;
import io.jenkins.plugins.circleci.simulator.model.TriggerRequest;
import io.jenkins.plugins.circleci.simulator.model.WorkflowView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The API v2 routes: which path does what, with CircleCI's status codes and error messages.
 *
 * <p>Authentication mirrors CircleCI: on project endpoints a missing or invalid token is indistinguishable from a
 * missing project (404 "Project not found", because a project's existence is itself sensitive); elsewhere it is
 * 401 "You must log in first.".
 */
final class ApiRoutes {

    static final String PROJECT_NOT_FOUND = "Project not found";
    static final String LOG_IN_FIRST = "You must log in first.";
    static final String NOT_TRIGGERED = "Ignoring pipeline due to CI skip in the commit";
    /** {@code vcs_info.provider} of GitHub App, GitLab and Bitbucket Data Center projects ({@code circleci/...}). */
    private static final String OPAQUE_PROVIDER = "CircleCI";

    private final Simulation sim;
    private final Bodies bodies;
    private final Pagination pages;
    private final InsightsRoutes insights;
    private final RateLimiter limiter;

    ApiRoutes(Simulation sim, Bodies bodies, int pageSize) {
        this.sim = sim;
        this.bodies = bodies;
        this.pages = new Pagination(pageSize);
        this.insights = new InsightsRoutes(sim, pages);
        this.limiter = new RateLimiter(sim.scenario().rateLimits());
    }

    ApiResponse handle(ApiRequest req) {
        List<String> s = req.segments();
        if (s.isEmpty()) {
            return notFound("GET /");
        }
        ApiResponse throttled = limiter.admit(req.token(), sim.now());
        if (throttled != null) {
            return throttled.route(req.method() + " (rate limited)");
        }
        return switch (s.get(0)) {
            case "insights" -> insights.handle(req);
            case "project" -> project(req);
            case "pipeline" -> pipeline(req);
            case "workflow" -> workflow(req);
            case "me" -> s.size() == 1 && isGet(req) ? me(req) : notFound("* /me");
            default -> notFound("* /" + s.get(0));
        };
    }

    // ---- /me

    private ApiResponse me(ApiRequest req) {
        if (!sim.scenario().isValidToken(req.token())) {
            return ApiResponse.message(401, LOG_IN_FIRST).route("GET /me");
        }
        return ApiResponse.json(200, bodies.user(sim.userId())).route("GET /me");
    }

    // ---- /project/{project-slug}/...

    private ApiResponse project(ApiRequest req) {
        List<String> s = req.segments();
        if (s.size() < 2) {
            return notFound("* /project");
        }
        boolean encodedSlug = s.get(1).toLowerCase(Locale.ROOT).contains("%2f");
        String slug;
        List<String> rest;
        if (encodedSlug) {
            slug = ApiRequest.decode(s.get(1));
            rest = s.subList(2, s.size());
        } else {
            if (s.size() < 4) {
                return notFound("* /project/{partial-slug}");
            }
            slug = ApiRequest.decode(s.get(1)) + "/" + ApiRequest.decode(s.get(2)) + "/" + ApiRequest.decode(s.get(3));
            rest = s.subList(4, s.size());
        }
        String route = routeOf(req.method(), rest);
        if (route == null) {
            return notFound(req.method() + " /project/{project-slug}/?");
        }
        // pipeline/run has three path segments; a %2F-encoded slug is one segment that CircleCI cannot route.
        if (encodedSlug && route.endsWith("/pipeline/run")) {
            return notFound(route);
        }
        Optional<SimProject> project = sim.scenario().isValidToken(req.token()) ? sim.project(slug) : Optional.empty();
        if (project.isEmpty()) {
            return ApiResponse.message(404, PROJECT_NOT_FOUND).route(route);
        }
        return projectRoute(req, project.get(), rest).route(route);
    }

    /** The route template of a project sub-path, or null when there is none. */
    private static String routeOf(String method, List<String> rest) {
        String base = method + " /project/{project-slug}";
        boolean get = "GET".equals(method);
        boolean post = "POST".equals(method);
        if (rest.isEmpty()) {
            return get ? base : null;
        }
        if (rest.size() == 1 && rest.get(0).equals("pipeline")) {
            return get || post ? base + "/pipeline" : null;
        }
        if (rest.size() == 2 && rest.get(0).equals("pipeline") && rest.get(1).equals("run")) {
            return post ? method + " /project/{provider}/{organization}/{project}/pipeline/run" : null;
        }
        if (rest.size() == 2 && rest.get(0).equals("pipeline")) {
            return get ? base + "/pipeline/{pipeline-number}" : null;
        }
        if (rest.size() == 2 && rest.get(0).equals("job")) {
            return get ? base + "/job/{job-number}" : null;
        }
        if (rest.size() == 2 && (rest.get(1).equals("tests") || rest.get(1).equals("artifacts"))) {
            return get ? base + "/{job-number}/" + rest.get(1) : null;
        }
        return null;
    }

    private ApiResponse projectRoute(ApiRequest req, SimProject project, List<String> rest) {
        if (rest.isEmpty()) {
            return ApiResponse.json(200, bodies.project(project));
        }
        if (rest.size() == 1) {
            return "POST".equals(req.method()) ? trigger(req, project, false) : listPipelines(req, project);
        }
        if (rest.get(0).equals("pipeline")) {
            if (rest.get(1).equals("run")) {
                return trigger(req, project, true);
            }
            Optional<SimPipeline> p = number(rest.get(1)).flatMap(project::pipeline);
            return p.map(x -> ApiResponse.json(200, bodies.pipeline(x.view(sim.now()))).pipeline(x.id()))
                    .orElseGet(() -> ApiResponse.message(404, "Pipeline not found"));
        }
        Optional<SimJob> job = number(rest.get(0).equals("job") ? rest.get(1) : rest.get(0)).flatMap(project::job);
        Optional<JobView> view = job.flatMap(this::jobView);
        if (view.isEmpty() || view.get().job().approval()) {
            // Real CircleCI answers 404 for an approval job's number too.
            return ApiResponse.message(404, "Job not found");
        }
        SimPipeline pipeline = view.get().job().workflow().pipeline();
        if (rest.get(0).equals("job")) {
            WorkflowView wf = sim.visibleWorkflow(view.get().job().workflow().id()).orElseThrow();
            return ApiResponse.json(200, bodies.jobDetails(view.get(), wf)).pipeline(pipeline.id());
        }
        List<ObjectNode> items = rest.get(1).equals("tests") ? bodies.tests(view.get()) : bodies.artifacts(view.get());
        return paged(req, items, n -> n).pipeline(pipeline.id());
    }

    private ApiResponse trigger(ApiRequest req, SimProject project, boolean viaRun) {
        if (!viaRun && OPAQUE_PROVIDER.equals(project.provider())) {
            // CircleCI documents only that the legacy endpoint "does not support" GitHub App / GitLab projects; it
            // answers an unsupported slug as it answers an unknown one (an inference, see docs/simulator.md).
            return ApiResponse.message(404, "Project not found");
        }
        TriggerRequest trigger;
        try {
            trigger = viaRun ? TriggerBodies.run(req.body()) : TriggerBodies.legacy(req.body());
        } catch (TriggerBodies.Invalid e) {
            return ApiResponse.message(400, e.getMessage());
        }
        if (trigger.branch() == null && trigger.tag() == null) {
            // No ref: CircleCI builds the project's default branch, and the pipeline says so in vcs.branch.
            trigger = trigger.building(project.scenario().defaultBranch());
        }
        if (trigger.branch() != null && !project.scenario().knowsBranch(trigger.branch())
                || trigger.config() != null && trigger.config().branch() != null
                && !project.scenario().knowsBranch(trigger.config().branch())) {
            return ApiResponse.message(400, "Branch not found");
        }
        if (viaRun && project.scenario().notTriggered()) {
            return ApiResponse.json(200, Json.object().put("message", NOT_TRIGGERED));
        }
        SimPipeline p = sim.trigger(project, trigger);
        return ApiResponse.json(201, bodies.pipelineCreation(p.view(sim.now()))).pipeline(p.id());
    }

    private ApiResponse listPipelines(ApiRequest req, SimProject project) {
        List<SimPipeline> all = project.pipelines(req.queryParam("branch"));
        return paged(req, all, p -> bodies.pipeline(p.view(sim.now())));
    }

    // ---- /pipeline/{pipeline-id}[/workflow|/config]

    private ApiResponse pipeline(ApiRequest req) {
        List<String> s = req.segments();
        boolean list = s.size() == 3 && s.get(2).equals("workflow");
        boolean config = s.size() == 3 && s.get(2).equals("config");
        if (!isGet(req) || !(s.size() == 2 || list || config)) {
            return notFound(req.method() + " /pipeline/?");
        }
        String route = list ? "GET /pipeline/{pipeline-id}/workflow"
                : config ? "GET /pipeline/{pipeline-id}/config" : "GET /pipeline/{pipeline-id}";
        if (!sim.scenario().isValidToken(req.token())) {
            return ApiResponse.message(401, LOG_IN_FIRST).route(route);
        }
        Optional<SimPipeline> p = uuid(s.get(1)).flatMap(sim::pipeline);
        if (p.isEmpty()) {
            return ApiResponse.message(404, "Pipeline not found").route(route);
        }
        if (config) {
            return ApiResponse.json(200, bodies.pipelineConfig(p.get())).route(route).pipeline(p.get().id());
        }
        PipelineView view = p.get().view(sim.now());
        ApiResponse response = list
                ? paged(req, view.workflows(), bodies::workflow)
                : ApiResponse.json(200, bodies.pipeline(view));
        return response.route(route).pipeline(p.get().id());
    }

    // ---- /workflow/{id}[/job|/cancel|/approve/{approval_request_id}|/rerun]

    private ApiResponse workflow(ApiRequest req) {
        List<String> s = req.segments();
        String route = workflowRoute(req.method(), s);
        if (route == null) {
            return notFound(req.method() + " /workflow/?");
        }
        if (!sim.scenario().isValidToken(req.token())) {
            return ApiResponse.message(401, LOG_IN_FIRST).route(route);
        }
        Optional<WorkflowView> view = uuid(s.get(1)).flatMap(sim::visibleWorkflow);
        if (view.isEmpty()) {
            return ApiResponse.message(404, "Workflow not found").route(route);
        }
        SimWorkflow w = view.get().workflow();
        SimPipeline pipeline = w.pipeline();
        ApiResponse response;
        if (s.size() == 2) {
            response = ApiResponse.json(200, bodies.workflow(view.get()));
        } else {
            response = switch (s.get(2)) {
                case "job" -> paged(req, view.get().jobs(), bodies::job);
                case "cancel" -> {
                    sim.cancel(w);
                    yield ApiResponse.message(202, "Accepted.");
                }
                case "approve" -> approve(w, s.get(3));
                default -> rerun(req, view.get());
            };
        }
        return response.route(route).pipeline(pipeline.id());
    }

    private static String workflowRoute(String method, List<String> s) {
        boolean get = "GET".equals(method);
        boolean post = "POST".equals(method);
        if (s.size() == 2 && get) {
            return "GET /workflow/{id}";
        }
        if (s.size() == 3 && get && s.get(2).equals("job")) {
            return "GET /workflow/{id}/job";
        }
        if (s.size() == 3 && post && s.get(2).equals("cancel")) {
            return "POST /workflow/{id}/cancel";
        }
        if (s.size() == 3 && post && s.get(2).equals("rerun")) {
            return "POST /workflow/{id}/rerun";
        }
        if (s.size() == 4 && post && s.get(2).equals("approve")) {
            return "POST /workflow/{id}/approve/{approval_request_id}";
        }
        return null;
    }

    private ApiResponse approve(SimWorkflow w, String requestId) {
        Optional<UUID> id = uuid(requestId);
        boolean isApprovalJob = id.isPresent()
                && w.jobs().stream().anyMatch(j -> j.approval() && j.id().equals(id.get()));
        if (!isApprovalJob) {
            return ApiResponse.message(404, "Approval request not found.");
        }
        if (!sim.approve(w, id.get())) {
            return ApiResponse.message(400, "Approval job is not on hold.");
        }
        return ApiResponse.message(202, "Accepted.");
    }

    private ApiResponse rerun(ApiRequest req, WorkflowView view) {
        JsonNode body = null;
        if (req.body().length > 0) {
            try {
                body = Json.read(req.body());
            } catch (IOException e) {
                return ApiResponse.message(400, TriggerBodies.UNEXPECTED_BODY);
            }
        }
        if (body != null && !body.isNull()) {
            if (!body.isObject()) {
                return ApiResponse.message(400, TriggerBodies.UNEXPECTED_BODY);
            }
            boolean hasJobs = body.has("jobs") && !body.get("jobs").isNull();
            if (body.path("from_failed").asBoolean(false) && hasJobs) {
                return ApiResponse.message(400, "from_failed and jobs cannot be used together.");
            }
            if ((body.path("enable_ssh").asBoolean(false) || body.path("sparse_tree").asBoolean(false)) && !hasJobs) {
                return ApiResponse.message(400, "enable_ssh and sparse_tree require jobs.");
            }
            if (hasJobs) {
                List<String> known = new ArrayList<>();
                view.workflow().jobs().forEach(j -> known.add(j.id().toString()));
                for (JsonNode j : body.get("jobs")) {
                    if (!known.contains(j.asText())) {
                        return ApiResponse.message(400, "Job " + j.asText() + " is not part of this workflow.");
                    }
                }
            }
        }
        Optional<SimWorkflow> rerun = sim.rerun(view.workflow());
        if (rerun.isEmpty()) {
            return ApiResponse.message(400, "Workflow is still running; it can be rerun once it has finished.");
        }
        return ApiResponse.json(202, Json.object().put("workflow_id", rerun.get().id().toString()));
    }

    // ---- helpers

    private Optional<JobView> jobView(SimJob job) {
        return sim.visibleWorkflow(job.workflow().id())
                .flatMap(w -> w.jobs().stream().filter(j -> j.job() == job).findFirst());
    }

    private <T> ApiResponse paged(ApiRequest req, List<T> all, java.util.function.Function<T, JsonNode> render) {
        ObjectNode page = pages.page(all, req.queryParam("page-token"), render);
        return page == null ? ApiResponse.message(400, "Invalid page-token.") : ApiResponse.json(200, page);
    }

    private static boolean isGet(ApiRequest req) {
        return "GET".equals(req.method());
    }

    private static ApiResponse notFound(String route) {
        return ApiResponse.message(404, "Not found").route(route).why("no route for " + route);
    }

    private static Optional<Long> number(String segment) {
        try {
            return Optional.of(Long.parseLong(segment));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String segment) {
        try {
            return segment.length() == 36 ? Optional.of(UUID.fromString(segment)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
