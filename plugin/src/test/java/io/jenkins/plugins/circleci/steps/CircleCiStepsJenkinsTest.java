package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.config.CircleCiGlobalConfiguration;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The steps in real Pipelines against the CircleCI simulator (real clock, short scenarios). Runs with -Pjenkins. */
@Tag("jenkins")
@WithJenkins
class CircleCiStepsJenkinsTest {
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    static final String TOKEN = "CCIPAT_jenkins-test-token-never-shown";

    private JenkinsRule r;
    private CircleCiSimulator simulator;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        simulator = CircleCiSimulator.builder().port(0).scenario(scenario()).start();
        CircleCiGlobalConfiguration.get().setServerUrl(simulator.baseUrl());
        CircleCiGlobalConfiguration.get().setMinPollInterval(1);
        CircleCiGlobalConfiguration.get().setMaxPollInterval(1);
        addToken(CredentialsProvider.lookupStores(r.jenkins).iterator().next(), "circleci-token");
    }

    @AfterEach
    void tearDown() throws Exception {
        simulator.close();
    }

    static Scenario scenario() {
        return Scenario.builder()
                .project("gh/acme/green", p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(2))))
                .project("gh/acme/red", p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(2),
                        "failed")))
                .project("gh/acme/slow", p -> p.workflow("build", w -> w.job("test", Duration.ofHours(1))))
                .build();
    }

    static void addToken(CredentialsStore store, String id) throws Exception {
        store.addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "CircleCI",
                Secret.fromString(TOKEN)));
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = r.assertBuildStatus(expected, p.scheduleBuild2(0));
        r.assertLogNotContains(TOKEN, b);
        return b;
    }

    @Test
    void triggersAndWaitsWithoutANode() throws Exception {
        WorkflowRun b = run("def p = circleciTrigger project: 'gh/acme/green', credentialsId: 'circleci-token'\n"
                + "echo \"result=${p.result} number=${p.number} workflow=${p.workflows[0].name}\"", Result.SUCCESS);

        r.assertLogContains("result=SUCCESS number=1 workflow=build", b);
        r.assertLogContains("CircleCI pipeline #1 (gh/acme/green) created", b);
        CircleCiPipelineAction listed = b.getAction(CircleCiPipelineAction.class);
        assertThat(listed.getPipelines()).singleElement().satisfies(e -> {
            assertThat(e.getNumber()).isEqualTo(1);
            assertThat(e.getProject()).isEqualTo("gh/acme/green");
            assertThat(e.getResult()).isEqualTo("SUCCESS");
            assertThat(e.getUrl()).contains("/pipelines/github/acme/green/1");
        });
    }

    @Test
    void disabledTriggersNothingAndItsMapReadsSafelyInTheSandbox() throws Exception {
        WorkflowRun b = run("def p = circleciTrigger project: 'gh/acme/green', credentialsId: 'circleci-token', "
                + "disabled: true\necho \"triggered=${p.triggered} number=${p.number} url=${p.url} "
                + "result=${p.result}\"\nif (!p.triggered) { echo 'skipped' }", Result.SUCCESS);

        r.assertLogContains("circleciTrigger: disabled: true, so no CircleCI pipeline was triggered for gh/acme/green",
                b);
        r.assertLogContains("triggered=false number=null url=null result=NOT_BUILT", b);
        r.assertLogContains("skipped", b);
        assertThat(simulator.journal().total()).isZero();
        assertThat(b.getAction(CircleCiPipelineAction.class)).isNull();
    }

    @Test
    void theBuildsTraceparentReachesCircleCiAsHeaderAndParameter() throws Exception {
        String parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        WorkflowRun b = run("withEnv(['TRACEPARENT=" + parent + "']) {\n"
                + "  circleciTrigger project: 'gh/acme/green', credentialsId: 'circleci-token', "
                + "traceparentParameter: 'traceparent'\n}", Result.SUCCESS);

        var post = simulator.journal().requests("POST", "/pipeline$").get(0);
        assertThat(post.header("traceparent")).isEqualTo(parent);
        assertThat(post.bodyText()).contains("\"traceparent\":\"" + parent + "\"");
        r.assertLogNotContains("is not a W3C traceparent", b);
    }

    @Test
    void aFailedPipelineFailsTheBuildWithItsCause() throws Exception {
        WorkflowRun b = run("circleciTrigger project: 'gh/acme/red', credentialsId: 'circleci-token'",
                Result.FAILURE);

        r.assertLogContains("CircleCI pipeline #1 (gh/acme/red) ended FAILURE", b);
        r.assertLogNotContains("\tat ", b);
    }

    @Test
    void withoutPropagateTheBuildGoesOn() throws Exception {
        WorkflowRun b = run("def p = circleciTrigger project: 'gh/acme/red', credentialsId: 'circleci-token', "
                + "propagate: false\necho \"result=${p.result}\"", Result.SUCCESS);

        r.assertLogContains("result=FAILURE", b);
    }

    @Test
    void triggerNowWaitLaterInParallel() throws Exception {
        WorkflowRun b = run("def a = circleciTrigger project: 'gh/acme/green', credentialsId: 'circleci-token', "
                + "wait: false\n"
                + "def c = circleciTrigger project: 'gh/acme/red', credentialsId: 'circleci-token', wait: false\n"
                + "echo \"not waited: ${a.result}\"\n"
                + "def results = [:]\n"
                + "parallel green: { results.green = circleciWait(pipelineId: a.id, credentialsId: 'circleci-token').result },\n"
                + "         red: { results.red = circleciWait(pipelineId: c.id, credentialsId: 'circleci-token', "
                + "propagate: false).result }\n"
                + "echo \"green=${results.green} red=${results.red}\"", Result.SUCCESS);

        r.assertLogContains("not waited: null", b);
        r.assertLogContains("green=SUCCESS red=FAILURE", b);
    }

    @Test
    void folderCredentialsAreFound() throws Exception {
        Folder folder = r.createProject(Folder.class, "team");
        CredentialsStore folderStore = null;
        for (CredentialsStore s : CredentialsProvider.lookupStores(folder)) {
            if (s.getContext() == folder) {
                folderStore = s;
            }
        }
        assertThat(folderStore).as("the folder's own credentials store").isNotNull();
        addToken(folderStore, "team-token");
        WorkflowJob p = folder.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(
                "echo circleciTrigger(project: 'gh/acme/green', credentialsId: 'team-token').result", true));

        WorkflowRun b = r.assertBuildStatusSuccess(p.scheduleBuild2(0));

        r.assertLogContains("SUCCESS", b);
        r.assertLogNotContains(TOKEN, b);
    }

    @Test
    void unknownCredentialsSayWhichAndWhatToDo() throws Exception {
        WorkflowRun b = run("circleciTrigger project: 'gh/acme/green', credentialsId: 'nope'", Result.FAILURE);

        r.assertLogContains("No Secret text credentials with ID 'nope'", b);
        r.assertLogNotContains("\tat ", b);
    }

    @Test
    void abortingTheBuildCancelsTheWorkflows() throws Exception {
        WorkflowRun b = run("timeout(time: 5, unit: 'SECONDS') {\n"
                + "  circleciTrigger project: 'gh/acme/slow', credentialsId: 'circleci-token'\n"
                + "}", Result.ABORTED);

        r.assertLogContains("Aborting: canceling the running workflows of CircleCI pipeline #1", b);
        assertThat(simulator.journal().requests("POST", "/workflow/[^/]+/cancel")).hasSize(1);
        CircleCiClient client = CircleCiClient.builder().baseUrl(simulator.baseUrl()).token(TOKEN).build();
        assertThat(client.listWorkflows(simulator.pipelineIds().get(0))).as("what CircleCI now says")
                .singleElement().satisfies(w -> assertThat(w.status().value()).isEqualTo("canceled"));
    }

    /**
     * "Forcibly terminate" fails the step's context without stopping the step: the step notices that its build has
     * ended (within {@link CircleCiWaitRunner#BUILD_CHECK_INTERVAL}), stops its wait and cancels the pipeline.
     */
    @Test
    void forciblyTerminatingTheBuildStopsTheWaitAndCancelsTheWorkflows() throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(
                "circleciTrigger project: 'gh/acme/slow', credentialsId: 'circleci-token'", true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("workflow build: running", b);

        b.doTerm();
        r.waitForCompletion(b);

        long giveUp = System.nanoTime() + CircleCiWaitRunner.BUILD_CHECK_INTERVAL.plusSeconds(30).toNanos();
        while (simulator.journal().requests("POST", "/workflow/[^/]+/cancel").isEmpty()) {
            assertThat(System.nanoTime()).as("a cancel request after the build ended").isLessThan(giveUp);
            Thread.sleep(200);
        }
        CircleCiClient client = CircleCiClient.builder().baseUrl(simulator.baseUrl()).token(TOKEN).build();
        assertThat(client.listWorkflows(simulator.pipelineIds().get(0))).as("what CircleCI now says")
                .singleElement().satisfies(w -> assertThat(w.status().value()).isEqualTo("canceled"));
    }
}
