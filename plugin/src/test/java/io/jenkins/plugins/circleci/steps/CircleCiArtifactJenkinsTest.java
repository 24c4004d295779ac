package io.jenkins.plugins.circleci.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Result;
import io.jenkins.plugins.circleci.config.CircleCiGlobalConfiguration;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.scenario.ArtifactSpec;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
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
 * {@code circleciArtifact} in a real sandboxed Pipeline against the simulator: the artifacts listed by
 * {@code artifacts: true} are read as text and as JSON maps a script can walk. Runs with -Pjenkins.
 */
@Tag("jenkins")
@WithJenkins
class CircleCiArtifactJenkinsTest {
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule r;
    private CircleCiSimulator simulator;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        simulator = CircleCiSimulator.builder().port(0).scenario(Scenario.builder()
                .project("gh/acme/reports", p -> p.workflow("build", w -> w.job(JobSpec
                        .build("test", Duration.ofSeconds(2), "success").withArtifactFiles(List.of(
                                ArtifactSpec.text("reports/coverage.json", "{\"lines\": {\"pct\": 91.5}, "
                                        + "\"suites\": [\"unit\", \"it\"]}"),
                                ArtifactSpec.text("reports/summary.txt", "12 passed"),
                                ArtifactSpec.text("reports/broken.json", "{\"lines\": "))))))
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
    void aScriptReadsTextAndJsonArtifactsInTheSandbox() throws Exception {
        WorkflowRun b = run("def r = circleciTrigger project: 'gh/acme/reports', credentialsId: 'circleci-token', "
                + "artifacts: true\n"
                + "def summary = r.artifacts.find { it.path == 'reports/summary.txt' }\n"
                + "def coverage = r.artifacts.find { it.path == 'reports/coverage.json' }\n"
                + "def text = circleciArtifact url: summary.url, credentialsId: 'circleci-token'\n"
                + "echo \"summary=${text}\"\n"
                + "def report = circleciArtifact url: coverage.url, credentialsId: 'circleci-token', json: true\n"
                + "echo \"pct=${report.lines.pct} suites=${report.suites.join('+')}\"\n", Result.SUCCESS);

        r.assertLogContains("summary=12 passed", b);
        r.assertLogContains("pct=91.5 suites=unit+it", b);
        r.assertLogContains("bytes read as JSON", b);
    }

    @Test
    void invalidJsonFailsTheBuildWithAClearMessage() throws Exception {
        WorkflowRun b = run("def r = circleciTrigger project: 'gh/acme/reports', credentialsId: 'circleci-token', "
                + "artifacts: true\n"
                + "circleciArtifact url: r.artifacts.find { it.path == 'reports/broken.json' }.url, "
                + "credentialsId: 'circleci-token', json: true\n", Result.FAILURE);

        r.assertLogContains("is not valid JSON at line 1", b);
        r.assertLogNotContains("\tat ", b);
    }
}
