package io.jenkins.plugins.circleci.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.error.OutcomeUnknownException;
import io.jenkins.plugins.circleci.api.error.TriggerOutcomeUnknownException;
import io.jenkins.plugins.circleci.api.http.ApiBaseUrl;
import io.jenkins.plugins.circleci.api.http.ApiCall;
import io.jenkins.plugins.circleci.api.http.ApiTransport;
import io.jenkins.plugins.circleci.api.http.ArtifactDownload;
import io.jenkins.plugins.circleci.api.http.ConsoleText;
import io.jenkins.plugins.circleci.api.http.Json;
import io.jenkins.plugins.circleci.api.http.PageReader;
import io.jenkins.plugins.circleci.api.http.PresignedDownload;
import io.jenkins.plugins.circleci.api.http.ResponseReader;
import io.jenkins.plugins.circleci.api.http.Sleeper;
import io.jenkins.plugins.circleci.api.model.Artifact;
import io.jenkins.plugins.circleci.api.model.ArtifactContent;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.JobDetails;
import io.jenkins.plugins.circleci.api.model.JobSteps;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.api.model.PipelineConfig;
import io.jenkins.plugins.circleci.api.model.PipelineCreation;
import io.jenkins.plugins.circleci.api.model.Project;
import io.jenkins.plugins.circleci.api.model.TestCase;
import io.jenkins.plugins.circleci.api.model.TriggerResult;
import io.jenkins.plugins.circleci.api.model.User;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowDuration;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The CircleCI API v2 client: one instance per host and token, thread-safe, cheap to share.
 *
 * <p>Every method throws a subclass of {@link io.jenkins.plugins.circleci.api.error.CircleCiException} with a hint.
 * Reads, cancel and approve are retried per {@link RetryPolicy}; a trigger is never re-sent once it may have reached
 * CircleCI. All requests draw on the shared {@link RequestBudget} of the host and token.
 */
public final class CircleCiClient {
    /** CircleCI cloud; a CircleCI server installation uses its own host. The API lives under {@code /api/v2}. */
    public static final String DEFAULT_BASE_URL = "https://circleci.com";

    private final URI baseUrl;
    private final WebUrls webUrls;
    private final RequestBudget budget;
    private final ApiTransport transport;

    private CircleCiClient(URI baseUrl, RequestBudget budget, ApiTransport transport) {
        this.baseUrl = baseUrl;
        this.webUrls = WebUrls.forServer(baseUrl);
        this.budget = budget;
        this.transport = transport;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The host's base URL, without {@code /api/v2}. */
    public URI baseUrl() {
        return baseUrl;
    }

    public WebUrls webUrls() {
        return webUrls;
    }

    public RequestBudget budget() {
        return budget;
    }

    /**
     * A client for the same host and token that retries per {@code policy}: it shares this one's connections, request
     * budget and timeouts. The watcher wants {@link RetryPolicy#none()}, since it schedules its own retries instead of
     * sleeping on a shared thread.
     */
    public CircleCiClient withRetryPolicy(RetryPolicy policy) {
        return new CircleCiClient(baseUrl, budget, transport.withPolicy(Objects.requireNonNull(policy, "policy")));
    }

    /**
     * A client for the same host and token whose requests to CircleCI's API origin (and only there) carry the W3C
     * {@code traceparent} and {@code tracestate} of {@code context}; shares this one's connections, budget and retries.
     */
    public CircleCiClient withTraceContext(io.jenkins.plugins.circleci.tracing.TraceContext context) {
        return new CircleCiClient(baseUrl, budget, transport.withInterceptor(
                io.jenkins.plugins.circleci.tracing.TraceHeaders.forOrigin(context,
                        okhttp3.HttpUrl.get(baseUrl.toString()))));
    }

    /**
     * Triggers a pipeline through {@code POST /project/{slug}/pipeline}, or through
     * {@code POST /project/{provider}/{org}/{project}/pipeline/run} when the request has a definition id.
     * Sent once: retried only when the connection was refused or CircleCI answered 429; after a 5xx or a read timeout
     * it throws {@link io.jenkins.plugins.circleci.api.error.TriggerOutcomeUnknownException}.
     */
    public TriggerResult trigger(TriggerRequest request) {
        Objects.requireNonNull(request, "request");
        ProjectSlug slug = request.project();
        ApiCall call = request.usesPipelineRun()
                ? ApiCall.post("trigger of " + slug, pipelineRunBody(request), "project", slug.provider(), slug.org(),
                        slug.repo(), "pipeline", "run")
                : ApiCall.post("trigger of " + slug, legacyTriggerBody(request), "project", slug.vcs(), slug.org(),
                        slug.repo(), "pipeline");
        call = call.aboutProject(slug).withInput(describeInput(request))
                .sentOnce((whatHappened, cause) -> triggerOutcomeUnknown(slug, whatHappened, cause));
        return transport.execute(call, CircleCiClient::readTriggerResult);
    }

    /**
     * What {@link #trigger} sends for {@code request} to the server at {@code baseUrl} (with or without
     * {@code /api/v2}), without sending anything and without a token: the endpoint and the JSON body exactly as
     * {@link #trigger} builds them, and the trace headers of {@code trace} (null: none).
     */
    public static TriggerPreview previewTrigger(String baseUrl, TriggerRequest request,
            io.jenkins.plugins.circleci.tracing.TraceContext trace) {
        Objects.requireNonNull(request, "request");
        ProjectSlug slug = request.project();
        okhttp3.HttpUrl.Builder url = ApiBaseUrl.parse(baseUrl).api().newBuilder().addPathSegment("project");
        if (request.usesPipelineRun()) {
            url.addPathSegment(slug.provider()).addPathSegment(slug.org()).addPathSegment(slug.repo())
                    .addPathSegment("pipeline").addPathSegment("run");
        } else {
            url.addPathSegment(slug.vcs()).addPathSegment(slug.org()).addPathSegment(slug.repo())
                    .addPathSegment("pipeline");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (trace != null) {
            headers.put(io.jenkins.plugins.circleci.tracing.TraceContext.TRACEPARENT_HEADER,
                    trace.traceparent().value());
            trace.tracestate().ifPresent(state -> headers.put(
                    io.jenkins.plugins.circleci.tracing.TraceContext.TRACESTATE_HEADER, state));
        }
        return new TriggerPreview("POST", url.build().toString(), headers,
                request.usesPipelineRun() ? pipelineRunBody(request) : legacyTriggerBody(request));
    }

    private static Map<String, Object> legacyTriggerBody(TriggerRequest request) {
        Map<String, Object> body = new LinkedHashMap<>(ref(request));
        if (!request.parameters().isEmpty()) {
            body.put("parameters", request.parameters());
        }
        return body;
    }

    private static Map<String, Object> pipelineRunBody(TriggerRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("definition_id", request.definitionId().orElseThrow());
        request.configRef().ifPresent(ref -> body.put("config", Map.of(ref.kind(), ref.name())));
        request.checkoutRef().ifPresent(ref -> body.put("checkout", Map.of(ref.kind(), ref.name())));
        if (!request.parameters().isEmpty()) {
            body.put("parameters", request.parameters());
        }
        return body;
    }

    private static Map<String, String> ref(TriggerRequest request) {
        if (request.branch().isPresent()) {
            return Map.of("branch", request.branch().get());
        }
        return request.tag().map(tag -> Map.of("tag", tag)).orElse(Map.of());
    }

    /** Branch or tag and parameter names, for a 400's message; parameter values may be secret and are left out. */
    private static String describeInput(TriggerRequest request) {
        String ref = request.branch().map(b -> "branch '" + b + "'")
                .or(() -> request.tag().map(t -> "tag '" + t + "'")).orElse("the default branch");
        if (request.usesPipelineRun() && !request.configRef().equals(request.checkoutRef())) {
            ref = "config " + request.configRef().map(Object::toString).orElse("from the default branch")
                    + ", checkout " + request.checkoutRef().map(Object::toString).orElse("not given");
        }
        String definition = request.definitionId().map(id -> ", definition id " + id).orElse("");
        return ref + definition + ", parameters " + (request.parameters().isEmpty() ? "none"
                : request.parameters().keySet().toString());
    }

    private static TriggerResult readTriggerResult(int status, String body) throws IOException {
        JsonNode node = Json.MAPPER.readTree(body);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (node.hasNonNull("id")) {
            return TriggerResult.triggered(Json.MAPPER.treeToValue(node, PipelineCreation.class));
        }
        // pipeline/run answers 200 {"message": "..."} when it decided not to create a pipeline (e.g. [ci skip]).
        if (status == 200 && node.path("message").isTextual()) {
            return TriggerResult.notTriggered(node.get("message").asText());
        }
        throw new IOException("neither a pipeline id nor a message");
    }

    private TriggerOutcomeUnknownException triggerOutcomeUnknown(ProjectSlug slug, String whatHappened,
            Throwable cause) {
        return new TriggerOutcomeUnknownException("The trigger of " + slug + " may or may not have created a "
                + "pipeline: " + whatHappened + ". It was not re-sent, so as not to start a second pipeline.",
                "Before triggering again, check the project's pipelines at " + webUrls.project(slug) + " (or GET "
                        + baseUrl + "/api/v2/project/" + slug + "/pipeline) for a pipeline created just now. See "
                        + "docs/troubleshooting.md#trigger-outcome-unknown.", cause);
    }

    public Pipeline getPipeline(String pipelineId) {
        return read(ApiCall.get("pipeline " + id(pipelineId, "pipeline id"), "pipeline", pipelineId), Pipeline.class);
    }

    /**
     * The project's pipelines, newest first, at most {@code maxPages} pages ({@code GET /project/{slug}/pipeline}),
     * only those of {@code branch} unless it is null.
     */
    public PartialList<Pipeline> listPipelines(ProjectSlug project, String branch, int maxPages) {
        ApiCall call = projectCall("pipelines of " + project, project, "pipeline");
        if (branch != null) {
            call = call.withQuery("branch", branch);
        }
        return PageReader.firstPages(transport, call, Pipeline.class, maxPages);
    }

    /** The pipeline's config texts ({@code GET /pipeline/{pipeline-id}/config}). */
    public PipelineConfig getPipelineConfig(String pipelineId) {
        return read(ApiCall.get("config of pipeline " + id(pipelineId, "pipeline id"), "pipeline", pipelineId,
                "config"), PipelineConfig.class);
    }

    /** All workflows of the pipeline, every page. */
    public List<Workflow> listWorkflows(String pipelineId) {
        return transport.fetchAll(ApiCall.get("workflows of pipeline " + id(pipelineId, "pipeline id"), "pipeline",
                pipelineId, "workflow"), Workflow.class);
    }

    public Workflow getWorkflow(String workflowId) {
        return read(ApiCall.get("workflow " + id(workflowId, "workflow id"), "workflow", workflowId), Workflow.class);
    }

    /** All jobs of the workflow, every page. */
    public List<Job> listJobs(String workflowId) {
        return transport.fetchAll(ApiCall.get("jobs of workflow " + id(workflowId, "workflow id"), "workflow",
                workflowId, "job"), Job.class);
    }

    public JobDetails getJob(ProjectSlug project, long jobNumber) {
        return read(projectCall("job " + jobNumber + " of " + project, project, "job", Long.toString(jobNumber)),
                JobDetails.class);
    }

    /** All test results of the job, every page. */
    public List<TestCase> listTests(ProjectSlug project, long jobNumber) {
        return transport.fetchAll(projectCall("test results of job " + jobNumber + " of " + project, project,
                Long.toString(jobNumber), "tests"), TestCase.class);
    }

    /**
     * The job's test results, at most {@code maxPages} pages of them: a job can hold thousands, and whoever reports
     * them needs the first ones, not all. Each page is an ordinary read (budget, retries).
     */
    public PartialList<TestCase> listTests(ProjectSlug project, long jobNumber, int maxPages) {
        return PageReader.firstPages(transport, projectCall("test results of job " + jobNumber + " of " + project,
                project, Long.toString(jobNumber), "tests"), TestCase.class, maxPages);
    }

    /**
     * The job's steps and their output links, from API v1.1 ({@code <base>/api/v1.1/project/...}, beside
     * {@code /api/v2} on cloud and server alike): API v2 has no log endpoint.
     */
    public JobSteps getJobSteps(ProjectSlug project, long jobNumber) {
        return read(projectCall("steps of job " + jobNumber + " of " + project, project, Long.toString(jobNumber))
                .inApiVersion("v1.1"), JobSteps.class);
    }

    /**
     * The last {@code lines} lines of a step's output, read from the pre-signed link {@link #getJobSteps} gave
     * ({@code output_url}). Sent without the token (the link points at another host), never following a redirect;
     * ANSI codes stripped, token-like text masked, bytes capped (see {@link PresignedDownload}).
     */
    public LogTail readStepOutput(String outputUrl, int lines) {
        return transport.presignedDownload().lastLines(outputUrl, lines);
    }

    /** The text with this client's token and anything token-like masked (for text that came from a build). */
    public String maskSecrets(String text) {
        return transport.secretMask().mask(text);
    }

    /** The jobs of the workflow, at most {@code maxPages} pages of them. */
    public PartialList<Job> listJobs(String workflowId, int maxPages) {
        return PageReader.firstPages(transport, ApiCall.get("jobs of workflow " + id(workflowId, "workflow id"),
                "workflow", workflowId, "job"), Job.class, maxPages);
    }

    /**
     * The first lines of text that came from a build (a test's failure message), fit for a console: ANSI codes and
     * control characters removed, this client's token and token-like text masked, each line cut.
     */
    public List<String> consoleLines(String text, int maxLines, int maxChars) {
        return ConsoleText.firstLines(text, maxLines, maxChars, transport.secretMask());
    }

    /** All artifacts of the job, every page. */
    public List<Artifact> listArtifacts(ProjectSlug project, long jobNumber) {
        return transport.fetchAll(projectCall("artifacts of job " + jobNumber + " of " + project, project,
                Long.toString(jobNumber), "artifacts"), Artifact.class);
    }

    /** The job's artifacts, at most {@code maxPages} pages of them; each page is an ordinary read (budget, retries). */
    public PartialList<Artifact> listArtifacts(ProjectSlug project, long jobNumber, int maxPages) {
        return PageReader.firstPages(transport, projectCall("artifacts of job " + jobNumber + " of " + project,
                project, Long.toString(jobNumber), "artifacts"), Artifact.class, maxPages);
    }

    /**
     * The content of the artifact at {@code url} (an artifact's {@code url} as {@link #listArtifacts} gives it), at
     * most {@code maxBytes} long. The token goes to CircleCI only (this server, or CircleCI cloud's artifact host);
     * CircleCI's redirect to pre-signed storage is followed without it. See {@link ArtifactDownload}.
     */
    public ArtifactContent readArtifact(String url, long maxBytes) {
        return transport.artifactDownload().read(url, maxBytes);
    }

    public Project getProject(ProjectSlug project) {
        return read(projectCall("project " + project, project), Project.class);
    }

    /**
     * How long each workflow of the project usually takes on {@code branch} ({@code null}: every branch), from
     * CircleCI Insights over the last 30 days ({@code GET /insights/{project-slug}/workflows}, every page): one
     * request for all the project's workflows. Workflows without runs are left out. Insights' aggregates are
     * refreshed daily. A CircleCI server installation without Insights answers 404, a token that may not read them
     * 403: both are thrown, as any error.
     */
    public List<WorkflowDuration> workflowDurations(ProjectSlug project, String branch) {
        Objects.requireNonNull(project, "project");
        ApiCall call = ApiCall.get("workflow durations of " + project, "insights", project.vcs(), project.org(),
                project.repo(), "workflows").aboutProject(project).withQuery("reporting-window", "last-30-days");
        call = branch == null || branch.isBlank() ? call.withQuery("all-branches", "true")
                : call.withQuery("branch", branch);
        List<WorkflowDuration> durations = new java.util.ArrayList<>();
        for (InsightsMetrics item : transport.fetchAll(call, InsightsMetrics.class)) {
            WorkflowDuration d = item.toDuration();
            if (d != null) {
                durations.add(d);
            }
        }
        return List.copyOf(durations);
    }

    /** The token's user: what "Test connection" shows. */
    public User me() {
        return read(ApiCall.get("the token's user", "me"), User.class);
    }

    public void cancelWorkflow(String workflowId) {
        transport.execute(ApiCall.post("cancel of workflow " + id(workflowId, "workflow id"), null, "workflow",
                workflowId, "cancel"), CircleCiClient::accepted);
    }

    public void approve(String workflowId, String approvalRequestId) {
        id(approvalRequestId, "approval request id");
        transport.execute(ApiCall.post("approval " + approvalRequestId + " in workflow "
                + id(workflowId, "workflow id"), null, "workflow", workflowId, "approve", approvalRequestId),
                CircleCiClient::accepted);
    }

    /** Reruns a workflow (from failed, or whole); returns the new workflow's id, in the same pipeline. */
    public String rerunWorkflow(String workflowId, boolean fromFailed) {
        String subject = "rerun of workflow " + id(workflowId, "workflow id");
        ApiCall call = ApiCall.post(subject, fromFailed ? Map.of("from_failed", true) : Map.of(), "workflow",
                workflowId, "rerun").withInput(fromFailed ? "from_failed=true" : "a rerun of the whole workflow")
                .sentOnce((whatHappened, cause) -> new OutcomeUnknownException("The " + subject + " may or may not "
                        + "have started a new workflow: " + whatHappened + ". It was not re-sent.",
                        "Before rerunning again, look at the workflow's pipeline in CircleCI for a new workflow of "
                                + "the same name. See docs/troubleshooting.md#trigger-outcome-unknown.", cause));
        return transport.execute(call, (status, body) -> {
            JsonNode id = Json.MAPPER.readTree(body).path("workflow_id");
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new IOException("no workflow_id");
            }
            return id.asText();
        });
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "CircleCiClient[" + baseUrl + "]";
    }

    private <T> T read(ApiCall call, Class<T> type) {
        return transport.read(call, type);
    }

    private static ApiCall projectCall(String subject, ProjectSlug project, String... rest) {
        Objects.requireNonNull(project, "project");
        String[] segments = new String[4 + rest.length];
        segments[0] = "project";
        segments[1] = project.vcs();
        segments[2] = project.org();
        segments[3] = project.repo();
        System.arraycopy(rest, 0, segments, 4, rest.length);
        return ApiCall.get(subject, segments).aboutProject(project);
    }

    /**
     * CircleCI accepts a cancel or an approval with {@code {"message": …}}. A body that is not a JSON object (cut
     * short, a proxy's page) does not say it was accepted: read as acceptance, a cancel or approval CircleCI never
     * carried out would be taken as done (a sweep would not cancel that workflow again, a wait would await an approval
     * it never made). It is a malformed answer, retryable like any other.
     */
    private static Boolean accepted(int status, String body) throws IOException {
        JsonNode answer = Json.MAPPER.readTree(body);
        if (answer == null || !answer.isObject()) {
            throw new IOException("not a JSON object");
        }
        return Boolean.TRUE;
    }

    private static String id(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("No " + what + " was given.",
                    "Pass the " + what + " CircleCI returned (a UUID).");
        }
        return value;
    }

    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String token;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private OkHttpClient base;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RateLimit rateLimit = RateLimit.defaults();
        private RequestBudget budget;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private io.jenkins.plugins.circleci.tls.CaCertificates caCertificates;

        Builder() {}

        /** {@code https://circleci.com} by default; a CircleCI server's base URL otherwise (with or without /api/v2). */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** A CircleCI personal API token, sent as {@code Circle-Token}. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "read timeout");
            return this;
        }

        /** A base OkHttp client to derive from, e.g. one with Jenkins' proxy settings. */
        public Builder httpClient(OkHttpClient base) {
            this.base = Objects.requireNonNull(base, "base");
            return this;
        }

        /**
         * CA certificates this client trusts besides the JVM's default CAs, for a CircleCI server whose certificate
         * comes from an internal CA; null (the default): the JVM's trust only. Host names are verified either way.
         */
        public Builder caCertificates(io.jenkins.plugins.circleci.tls.CaCertificates certificates) {
            this.caCertificates = certificates;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The rate of the JVM-wide budget shared by host and token (ignored when {@link #budget} is set). */
        public Builder rateLimit(RateLimit limit) {
            this.rateLimit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /** Uses this budget instead of the JVM-wide one. */
        public Builder budget(RequestBudget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /** The clock for backoff, {@code Retry-After} dates and the budget; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How the client waits (between attempts, for a request-budget permit). Whoever drives a simulated clock
         * (tests, the benchmarks) passes one that advances it, so a wait cannot outlast a clock that never moves.
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public CircleCiClient build() {
            String checkedToken = checkToken(token);
            ApiBaseUrl url = ApiBaseUrl.parse(baseUrl);
            RequestBudget shared = budget != null ? budget
                    : RequestBudget.forHost(url.hostKey(), checkedToken, rateLimit, clock);
            OkHttpClient.Builder derived = base == null ? new OkHttpClient.Builder() : base.newBuilder();
            if (caCertificates != null) {
                caCertificates.applyTo(derived);
            }
            OkHttpClient http = ApiTransport.configure(derived, connectTimeout, readTimeout).build();
            ApiTransport transport = new ApiTransport(http, url, checkedToken, shared, retryPolicy, clock, sleeper,
                    readTimeout);
            return new CircleCiClient(url.serverBase(), shared, transport);
        }

        private static String checkToken(String token) {
            if (token == null || token.isBlank()) {
                throw new InvalidRequestException("No CircleCI token was given.", "Create a personal API token in "
                        + "the CircleCI app at User Settings > Personal API Tokens and configure it here (project "
                        + "API tokens do not work with API v2).");
            }
            String trimmed = token.strip();
            // Checked here because OkHttp would quote a bad header value, token and all, in its own exception.
            for (int i = 0; i < trimmed.length(); i++) {
                char c = trimmed.charAt(i);
                if (c <= ' ' || c >= 0x7f) {
                    throw new InvalidRequestException("The CircleCI token contains a character that cannot be sent "
                            + "in an HTTP header (at position " + (i + 1) + " of " + trimmed.length() + ").",
                            "Copy the personal API token again, without spaces or line breaks.");
                }
            }
            return trimmed;
        }

        private static Duration positive(Duration timeout, String what) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new InvalidRequestException("The " + what + " must be positive, was " + timeout + ".",
                        "Give a duration of at least one second.");
            }
            return timeout;
        }
    }
}
