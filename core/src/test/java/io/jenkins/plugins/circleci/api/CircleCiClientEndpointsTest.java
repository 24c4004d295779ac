package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.DEFINITION_ID;
import static io.jenkins.plugins.circleci.api.ClientFixture.PIPELINE_CREATED;
import static io.jenkins.plugins.circleci.api.ClientFixture.PIPELINE_ID;
import static io.jenkins.plugins.circleci.api.ClientFixture.TOKEN;
import static io.jenkins.plugins.circleci.api.ClientFixture.WORKFLOW_ID;
import static io.jenkins.plugins.circleci.api.ClientFixture.json;
import static io.jenkins.plugins.circleci.api.ClientFixture.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.circleci.api.http.Json;
import io.jenkins.plugins.circleci.api.model.Artifact;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.JobDetails;
import io.jenkins.plugins.circleci.api.model.JobStatus;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.api.model.PipelineState;
import io.jenkins.plugins.circleci.api.model.Project;
import io.jenkins.plugins.circleci.api.model.TestCase;
import io.jenkins.plugins.circleci.api.model.TriggerResult;
import io.jenkins.plugins.circleci.api.model.User;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class CircleCiClientEndpointsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ClientFixture fixture = new ClientFixture(server);

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest();
    }

    private static JsonNode body(RecordedRequest request) throws Exception {
        return Json.MAPPER.readTree(request.getBody().utf8());
    }

    @Test
    void legacyTriggerPostsBranchAndParametersToThreeRawSegments() throws Exception {
        server.enqueue(json(201, PIPELINE_CREATED));
        TriggerRequest request = TriggerRequest.builder(ProjectSlug.parse("gh/acme/rocket")).branch("main")
                .parameter("deploy", true).parameter("count", 3).parameter("env", "prod").build();

        TriggerResult result = fixture.client().trigger(request);

        assertThat(result.isTriggered()).isTrue();
        assertThat(result.pipeline().orElseThrow().id()).isEqualTo(PIPELINE_ID);
        assertThat(result.pipeline().orElseThrow().number()).isEqualTo(2);
        assertThat(result.pipeline().orElseThrow().state()).isEqualTo(PipelineState.PENDING);
        RecordedRequest sent = take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v2/project/gh/acme/rocket/pipeline");
        assertThat(sent.getUrl().pathSegments()).containsExactly("api", "v2", "project", "gh", "acme", "rocket",
                "pipeline");
        assertThat(sent.getHeaders().get("Circle-Token")).isEqualTo(TOKEN);
        assertThat(sent.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(sent.getHeaders().get("User-Agent")).matches("circleci-trigger/\\S+ \\(Java .+\\)");
        assertThat(body(sent)).isEqualTo(Json.MAPPER.readTree(
                "{\"branch\":\"main\",\"parameters\":{\"deploy\":true,\"count\":3,\"env\":\"prod\"}}"));
    }

    @Test
    void legacyTriggerOfATagSendsOnlyTheTag() throws Exception {
        server.enqueue(json(201, PIPELINE_CREATED));
        fixture.client().trigger(TriggerRequest.builder(ProjectSlug.parse("bitbucket/acme/rocket")).tag("v1.2.0")
                .build());

        RecordedRequest sent = take();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v2/project/bitbucket/acme/rocket/pipeline");
        assertThat(body(sent)).isEqualTo(Json.MAPPER.readTree("{\"tag\":\"v1.2.0\"}"));
    }

    @Test
    void pipelineRunPostsDefinitionConfigAndCheckoutToThreeSegmentsWithTheShortProvider() throws Exception {
        server.enqueue(json(201, PIPELINE_CREATED));
        TriggerRequest request = TriggerRequest.builder(ProjectSlug.parse("github/acme/rocket")).branch("feature/x")
                .definitionId(DEFINITION_ID).parameter("flag", false).build();

        assertThat(fixture.client().trigger(request).isTriggered()).isTrue();

        RecordedRequest sent = take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getTarget()).isEqualTo("/api/v2/project/gh/acme/rocket/pipeline/run");
        assertThat(sent.getUrl().pathSegments()).containsExactly("api", "v2", "project", "gh", "acme", "rocket",
                "pipeline", "run");
        assertThat(body(sent)).isEqualTo(Json.MAPPER.readTree("""
                {"definition_id": "%s", "config": {"branch": "feature/x"}, "checkout": {"branch": "feature/x"},
                 "parameters": {"flag": false}}""".formatted(DEFINITION_ID)));
    }

    @Test
    void pipelineRunOfAnOpaqueSlugWithATag() throws Exception {
        server.enqueue(json(201, PIPELINE_CREATED));
        ProjectSlug slug = ProjectSlug.parse("circleci/43G3kM5RtfFE7v5sa4nWAU/44n9pujWcTnVZ2b5S8Fnat");
        fixture.client().trigger(TriggerRequest.builder(slug).tag("v2").definitionId(DEFINITION_ID).build());

        RecordedRequest sent = take();
        assertThat(sent.getTarget())
                .isEqualTo("/api/v2/project/circleci/43G3kM5RtfFE7v5sa4nWAU/44n9pujWcTnVZ2b5S8Fnat/pipeline/run");
        assertThat(body(sent)).isEqualTo(Json.MAPPER.readTree("""
                {"definition_id": "%s", "config": {"tag": "v2"}, "checkout": {"tag": "v2"}}"""
                .formatted(DEFINITION_ID)));
    }

    @Test
    void pipelineRunAnswering200WithAMessageTriggeredNothing() {
        server.enqueue(json(200, "{\"message\": \"Ignoring pipeline due to CI skip in the commit\"}"));

        TriggerResult result = fixture.client().trigger(TriggerRequest.builder(ProjectSlug.parse("gh/acme/rocket"))
                .branch("main").definitionId(DEFINITION_ID).build());

        assertThat(result.isTriggered()).isFalse();
        assertThat(result.notTriggeredReason()).contains("Ignoring pipeline due to CI skip in the commit");
    }

    @Test
    void anyTwoHundredWithAPipelineCountsAsTriggered() {
        server.enqueue(json(202, PIPELINE_CREATED));

        TriggerResult result = fixture.client().trigger(TriggerRequest.builder(ProjectSlug.parse("gh/acme/rocket"))
                .build());

        assertThat(result.isTriggered()).isTrue();
    }

    @Test
    void getPipelineReadsOptionalVcsAndErrors() throws Exception {
        server.enqueue(json(200, """
                {"id": "%s", "number": 130, "project_slug": "gh/acme/rocket", "state": "errored",
                 "created_at": "2026-01-15T09:59:00Z", "updated_at": "2026-01-15T09:59:05Z",
                 "errors": [{"type": "config", "message": "Config does not conform to schema"}],
                 "trigger": {"type": "api", "received_at": "2026-01-15T09:59:00Z",
                             "actor": {"login": "robot", "avatar_url": null}}}""".formatted(PIPELINE_ID)));

        Pipeline pipeline = fixture.client().getPipeline(PIPELINE_ID);

        assertThat(pipeline.state()).isEqualTo(PipelineState.ERRORED);
        assertThat(pipeline.vcs()).isNull();
        assertThat(pipeline.errors()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("config"));
        assertThat(pipeline.id()).isEqualTo(PIPELINE_ID);
        assertThat(pipeline.number()).isEqualTo(130);
        RecordedRequest sent = take();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getTarget()).isEqualTo("/api/v2/pipeline/" + PIPELINE_ID);
        assertThat(sent.getHeaders().get("Circle-Token")).isEqualTo(TOKEN);
        assertThat(sent.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void listWorkflowsFollowsPageTokensOverThreePages() throws Exception {
        server.enqueue(json(200, "{\"items\": [" + workflow("w1", "success", "2026-01-15T10:00:00Z")
                + "], \"next_page_token\": \"tok-2\"}"));
        server.enqueue(json(200, "{\"items\": [" + workflow("w2", "running", null)
                + "], \"next_page_token\": \"tok 3/+\"}"));
        server.enqueue(json(200, "{\"items\": [" + workflow("w3", "failed", "2026-01-15T10:01:00Z")
                + "], \"next_page_token\": null}"));

        List<Workflow> workflows = fixture.client().listWorkflows(PIPELINE_ID);

        assertThat(workflows).extracting(Workflow::id).containsExactly("w1", "w2", "w3");
        assertThat(take().getUrl().queryParameter("page-token")).isNull();
        RecordedRequest second = take();
        assertThat(second.getUrl().encodedPath()).isEqualTo("/api/v2/pipeline/" + PIPELINE_ID + "/workflow");
        assertThat(second.getUrl().queryParameter("page-token")).isEqualTo("tok-2");
        assertThat(take().getUrl().queryParameter("page-token")).isEqualTo("tok 3/+");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void unknownStatusesAreKeptAndNullFieldsStayNull() {
        server.enqueue(json(200, "{\"items\": [" + workflow("w1", "queued", null) + ","
                + workflow("w2", "brand_new", null) + "], \"next_page_token\": null}"));

        List<Workflow> workflows = fixture.client().listWorkflows(PIPELINE_ID);

        assertThat(workflows.get(0).status()).isEqualTo(WorkflowStatus.QUEUED);
        assertThat(workflows.get(0).stoppedAt()).isNull();
        assertThat(workflows.get(1).status().value()).isEqualTo("brand_new");
        assertThat(workflows.get(1).status().isKnown()).isFalse();
        assertThat(workflows.get(1).status().isTerminal()).isFalse();
        assertThat(workflows.get(1).autoRerunNumber()).isNull();
    }

    @Test
    void getWorkflow() throws Exception {
        server.enqueue(json(200, workflow(WORKFLOW_ID, "on_hold", null)));

        Workflow workflow = fixture.client().getWorkflow(WORKFLOW_ID);

        assertThat(workflow.status()).isEqualTo(WorkflowStatus.ON_HOLD);
        assertThat(workflow.pipelineNumber()).isEqualTo(130);
        assertThat(workflow.createdAt()).isEqualTo(Instant.parse("2026-01-15T09:59:00Z"));
        assertThat(take().getTarget()).isEqualTo("/api/v2/workflow/" + WORKFLOW_ID);
    }

    @Test
    void listJobsReadsApprovalJobsWithoutNumberOrStart() throws Exception {
        server.enqueue(json(200, """
                {"items": [
                  {"id": "j1", "name": "build", "job_number": 41, "status": "success", "type": "build",
                   "started_at": "2026-01-15T09:59:10Z", "stopped_at": "2026-01-15T09:59:50Z",
                   "dependencies": [], "project_slug": "gh/acme/rocket"},
                  {"id": "j2", "name": "hold", "status": "on_hold", "type": "approval", "started_at": null,
                   "approval_request_id": "j2", "dependencies": ["j1"], "project_slug": "gh/acme/rocket"}
                ], "next_page_token": "p2"}"""));
        server.enqueue(json(200, """
                {"items": [{"id": "j3", "name": "deploy", "status": "blocked", "type": "build",
                  "dependencies": ["j2"], "project_slug": "gh/acme/rocket", "requires": {"j2": ["success"]}}],
                 "next_page_token": null}"""));

        List<Job> jobs = fixture.client().listJobs(WORKFLOW_ID);

        assertThat(jobs).extracting(Job::id).containsExactly("j1", "j2", "j3");
        Job approval = jobs.get(1);
        assertThat(approval.isApproval()).isTrue();
        assertThat(approval.jobNumber()).isNull();
        assertThat(approval.startedAt()).isNull();
        assertThat(approval.status()).isEqualTo(JobStatus.ON_HOLD);
        assertThat(approval.approvalRequestId()).isEqualTo("j2");
        assertThat(take().getTarget()).isEqualTo("/api/v2/workflow/" + WORKFLOW_ID + "/job");
        assertThat(take().getTarget()).isEqualTo("/api/v2/workflow/" + WORKFLOW_ID + "/job?page-token=p2");
    }

    @Test
    void getJobDetails() throws Exception {
        server.enqueue(json(200, """
                {"number": 41, "name": "build", "status": "failed", "web_url": "https://circleci.com/gh/acme/rocket/41",
                 "created_at": "2026-01-15T09:59:00Z", "queued_at": "2026-01-15T09:59:01Z",
                 "started_at": "2026-01-15T09:59:02Z", "stopped_at": null, "duration": null, "parallelism": 1,
                 "executor": {"resource_class": "medium"}, "latest_workflow": {"id": "%s", "name": "ci"},
                 "pipeline": {"id": "%s"}, "messages": [], "contexts": []}""".formatted(WORKFLOW_ID, PIPELINE_ID)));

        JobDetails job = fixture.client().getJob(ProjectSlug.parse("gh/acme/rocket"), 41);

        assertThat(job.status().isFailure()).isTrue();
        assertThat(job.durationMillis()).isNull();
        assertThat(job.latestWorkflow().id()).isEqualTo(WORKFLOW_ID);
        assertThat(take().getTarget()).isEqualTo("/api/v2/project/gh/acme/rocket/job/41");
    }

    @Test
    void listTestsAndArtifactsFollowPages() throws Exception {
        server.enqueue(json(200, """
                {"items": [{"message": null, "source": "junit", "run_time": 0.25, "file": "A.java",
                  "result": "success", "name": "works", "classname": "A"}], "next_page_token": "t2"}"""));
        server.enqueue(json(200, """
                {"items": [{"message": "expected 1", "source": "junit", "run_time": 1.5, "file": "B.java",
                  "result": "failure", "name": "breaks", "classname": "B"}], "next_page_token": null}"""));
        server.enqueue(json(200, """
                {"items": [{"path": "reports/junit.xml", "node_index": 0,
                  "url": "https://53936-1-gh.circle-artifacts.com/0/reports/junit.xml"}], "next_page_token": null}"""));
        ProjectSlug slug = ProjectSlug.parse("gh/acme/rocket");
        CircleCiClient client = fixture.client();

        List<TestCase> tests = client.listTests(slug, 41);
        List<Artifact> artifacts = client.listArtifacts(slug, 41);

        assertThat(tests).extracting(TestCase::result).containsExactly("success", "failure");
        assertThat(tests.get(0).message()).isNull();
        assertThat(artifacts).singleElement().satisfies(a -> assertThat(a.path()).isEqualTo("reports/junit.xml"));
        assertThat(take().getTarget()).isEqualTo("/api/v2/project/gh/acme/rocket/41/tests");
        assertThat(take().getTarget()).isEqualTo("/api/v2/project/gh/acme/rocket/41/tests?page-token=t2");
        assertThat(take().getTarget()).isEqualTo("/api/v2/project/gh/acme/rocket/41/artifacts");
    }

    @Test
    void getProjectAndMe() throws Exception {
        server.enqueue(json(200, """
                {"slug": "gh/acme/rocket", "name": "rocket", "id": "84996744-a854-4f5e-aea3-04e2851dc1d2",
                 "organization_name": "acme", "organization_slug": "gh/acme",
                 "organization_id": "f22b6566-597d-46d5-ba74-99ef5bb3d85c",
                 "vcs_info": {"vcs_url": "https://github.com/acme/rocket", "provider": "GitHub",
                              "default_branch": "main"}}"""));
        server.enqueue(json(200, "{\"id\": \"u1\", \"login\": \"robot\", \"name\": \"Robot\", \"avatar_url\": null}"));
        CircleCiClient client = fixture.client();

        Project project = client.getProject(ProjectSlug.parse("gh/acme/rocket"));
        User me = client.me();

        assertThat(project.vcsInfo().defaultBranch()).isEqualTo("main");
        assertThat(me.login()).isEqualTo("robot");
        assertThat(me.avatarUrl()).isNull();
        assertThat(take().getTarget()).isEqualTo("/api/v2/project/gh/acme/rocket");
        assertThat(take().getTarget()).isEqualTo("/api/v2/me");
    }

    @Test
    void cancelApproveAndRerun() throws Exception {
        server.enqueue(json(202, "{\"message\": \"Accepted.\"}"));
        server.enqueue(json(202, "{\"message\": \"Accepted.\"}"));
        server.enqueue(json(202, "{\"workflow_id\": \"new-workflow\"}"));
        server.enqueue(json(202, "{\"workflow_id\": \"newer-workflow\"}"));
        CircleCiClient client = fixture.client();

        client.cancelWorkflow(WORKFLOW_ID);
        client.approve(WORKFLOW_ID, "approval-1");
        assertThat(client.rerunWorkflow(WORKFLOW_ID, true)).isEqualTo("new-workflow");
        assertThat(client.rerunWorkflow(WORKFLOW_ID, false)).isEqualTo("newer-workflow");

        RecordedRequest cancel = take();
        assertThat(cancel.getMethod()).isEqualTo("POST");
        assertThat(cancel.getTarget()).isEqualTo("/api/v2/workflow/" + WORKFLOW_ID + "/cancel");
        RecordedRequest approve = take();
        assertThat(approve.getMethod()).isEqualTo("POST");
        assertThat(approve.getTarget()).isEqualTo("/api/v2/workflow/" + WORKFLOW_ID + "/approve/approval-1");
        RecordedRequest rerunFromFailed = take();
        assertThat(rerunFromFailed.getTarget()).isEqualTo("/api/v2/workflow/" + WORKFLOW_ID + "/rerun");
        assertThat(body(rerunFromFailed)).isEqualTo(Json.MAPPER.readTree("{\"from_failed\": true}"));
        assertThat(body(take())).isEqualTo(Json.MAPPER.readTree("{}"));
    }

    @Test
    void idsAreEncodedAsOneSegmentEach() throws Exception {
        server.enqueue(json(200, workflow("x", "success", null)));

        fixture.client().getWorkflow("a/b?c");

        assertThat(take().getTarget()).isEqualTo("/api/v2/workflow/a%2Fb%3Fc");
    }

    @Test
    void toStringShowsTheBaseUrlOnly() {
        CircleCiClient client = fixture.client();

        assertThat(client.toString()).isEqualTo("CircleCiClient[" + client.baseUrl() + "]").doesNotContain(TOKEN);
    }
}
