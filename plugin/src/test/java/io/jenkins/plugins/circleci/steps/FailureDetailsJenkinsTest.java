package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Result;
import hudson.tasks.junit.TestResultAction;
import io.jenkins.plugins.circleci.config.CircleCiGlobalConfiguration;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.StepSpec;
import io.jenkins.plugins.circleci.simulator.scenario.TestSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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

/**
 * What failed, in real Pipelines against the CircleCI simulator: the console, the return value, the build page's
 * action and its REST export, the CIRCLECI_PIPELINE_* environment, and the JUnit test result. Runs with -Pjenkins.
 */
@Tag("jenkins")
@WithJenkins
class FailureDetailsJenkinsTest {
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final String OUTPUT = "\u001b[1m> Task :test\u001b[0m\r\n"
            + "echo $CIRCLE_TOKEN: " + CircleCiStepsJenkinsTest.TOKEN + "\r\n"
            + "CartTest > addsItem FAILED\r\n"
            + "CartTest > removesItem FAILED\r\n"
            + "3 tests completed, 2 failed\r\n";

    private JenkinsRule r;
    private CircleCiSimulator simulator;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        JobSpec test = JobSpec.build("test", Duration.ofSeconds(2), "failed")
                .withTestResults(List.of(TestSpec.passed("com.acme.CartTest", "total"),
                        TestSpec.failed("com.acme.CartTest", "addsItem", "expected: <3> but was: <2>"),
                        TestSpec.failed("com.acme.CartTest", "removesItem", "java.lang.NullPointerException: cart")))
                .withSteps(List.of(StepSpec.of("Checkout code", "ok\r\n"), StepSpec.failing("Run tests", OUTPUT)))
                .withOutputEncoding("gzip");
        simulator = CircleCiSimulator.builder().port(0).scenario(Scenario.builder()
                .project("gh/acme/red", p -> p.workflow("build", w -> w.job(test)))
                .project("gh/acme/green", p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(1))))
                .project("gh/acme/slow", p -> p.workflow("build", w -> w.job("test", Duration.ofHours(1))))
                .build()).start();
        CircleCiGlobalConfiguration.get().setServerUrl(simulator.baseUrl());
        CircleCiGlobalConfiguration.get().setMinPollInterval(1);
        CircleCiGlobalConfiguration.get().setMaxPollInterval(1);
        CircleCiStepsJenkinsTest.addToken(CredentialsProvider.lookupStores(r.jenkins).iterator().next(),
                "circleci-token");
    }

    @AfterEach
    void tearDown() {
        simulator.close();
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = r.assertBuildStatus(expected, p.scheduleBuild2(0));
        r.assertLogNotContains(CircleCiStepsJenkinsTest.TOKEN, b);
        return b;
    }

    @Test
    void aJobFailingOnTwoTestsShowsBothTheirMessagesAndTheLastLinesInUnder30Lines() throws Exception {
        WorkflowRun b = run("circleciTrigger project: 'gh/acme/red', credentialsId: 'circleci-token', logTail: 10",
                Result.FAILURE);

        r.assertLogContains("  2 failed tests:", b);
        r.assertLogContains("    - com.acme.CartTest.addsItem", b);
        r.assertLogContains("        expected: <3> but was: <2>", b);
        r.assertLogContains("    - com.acme.CartTest.removesItem", b);
        r.assertLogContains("        java.lang.NullPointerException: cart", b);
        r.assertLogContains("  Last 7 lines of step \"Run tests\":", b);
        r.assertLogContains("    | echo $CIRCLE_TOKEN: ****", b);
        r.assertLogContains("    | Exited with code exit status 1", b);
        r.assertLogContains("CircleCI pipeline #1 (gh/acme/red) ended FAILURE", b);
        // The console's length for the job is checked offline (FailureDetailsStepTest): the same lines.
    }

    @Test
    void theReturnValueTheEnvironmentTheBuildPageAndTheTestResult() throws Exception {
        WorkflowRun b = run("def green = circleciTrigger project: 'gh/acme/green', credentialsId: 'circleci-token'\n"
                + "def p = circleciTrigger project: 'gh/acme/red', credentialsId: 'circleci-token', "
                + "propagate: false, junit: true, logTail: 3\n"
                + "echo \"failed=${p.failedJobs[0].name} tests=${p.failedJobs[0].tests.collect { it.name }}\"\n"
                + "echo \"tail ends well=${p.failedJobs[0].logTail.endsWith('Exited with code exit status 1')}\"\n"
                + "echo(env.CIRCLECI_PIPELINE_ID == p.id ? 'env names the last step' : 'env names ' + "
                + "env.CIRCLECI_PIPELINE_ID)\n"
                + "echo \"env number=${env.CIRCLECI_PIPELINE_NUMBER} url=${env.CIRCLECI_PIPELINE_URL == p.url}\"\n"
                + "node { sh 'echo \"sh sees $CIRCLECI_PIPELINE_NUMBER\"' }", Result.SUCCESS);

        r.assertLogContains("failed=test tests=[addsItem, removesItem]", b);
        r.assertLogContains("tail ends well=true", b);
        r.assertLogContains("env names the last step", b);
        r.assertLogContains("env number=1 url=true", b);
        r.assertLogContains("sh sees 1", b);
        r.assertLogContains("Recorded 3 CircleCI test results (2 failed, 0 skipped) of 1 job", b);

        TestResultAction tests = b.getAction(TestResultAction.class);
        assertThat(tests.getTotalCount()).isEqualTo(3);
        assertThat(tests.getFailCount()).isEqualTo(2);

        CircleCiPipelineAction action = b.getAction(CircleCiPipelineAction.class);
        assertThat(action.getPipelines()).hasSize(2);
        CircleCiPipelineAction.Entry red = action.getPipelines().get(1);
        assertThat(red.getWorkflows().get(0).getFailedJobs().get(0).getTests())
                .extracting(CircleCiPipelineAction.TestEntry::getName).containsExactly("addsItem", "removesItem");

        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(r.getURL()
                + "job/p/1/api/json?tree=actions[pipelines[number,result,workflows[name,status,durationSeconds,"
                + "failedJobs[name,status,tests[classname,name,message]]]]]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"pipelines\"", "\"failedJobs\"", "\"name\":\"addsItem\"",
                "\"message\":\"expected: <3> but was: <2>\"").doesNotContain(CircleCiStepsJenkinsTest.TOKEN);
    }

    @Test
    void waitForCreatedReturnsBeforeTheWorkflowsEnd() throws Exception {
        WorkflowRun b = run("def p = circleciTrigger project: 'gh/acme/slow', credentialsId: 'circleci-token', "
                + "waitFor: 'created'\necho \"result=${p.result} state=${p.state}\"", Result.SUCCESS);
        r.assertLogContains("result=null state=created", b);
    }

    @Test
    void onTimeoutUnstableMakesTheBuildUnstable() throws Exception {
        run("circleciTrigger project: 'gh/acme/slow', credentialsId: 'circleci-token', timeout: '5s', "
                + "onTimeout: 'unstable'", Result.UNSTABLE);
    }
}
