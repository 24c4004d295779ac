package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import io.jenkins.plugins.circleci.config.CircleCiGlobalConfiguration;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A controller restart in the middle of a wait: the step resumes from its saved state. Runs with -Pjenkins. */
@Tag("jenkins")
class CircleCiStepRestartJenkinsTest {
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** Outlives the Jenkins sessions, like CircleCI outlives a controller restart. */
    private CircleCiSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = CircleCiSimulator.builder().port(0).scenario(Scenario.builder()
                .project("gh/acme/api", p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(20))))
                .build()).start();
    }

    @AfterEach
    void stopSimulator() throws Exception {
        simulator.close();
    }

    @Test
    void aWaitSurvivesARestart() throws Throwable {
        sessions.then(j -> {
            CircleCiGlobalConfiguration.get().setServerUrl(simulator.baseUrl());
            CircleCiGlobalConfiguration.get().setCredentialsId("circleci-token");
            CircleCiStepsJenkinsTest.addToken(CredentialsProvider.lookupStores(j.jenkins).iterator().next(),
                    "circleci-token");
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(
                    "echo \"result=${circleciTrigger('gh/acme/api').result}\"", true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            // Once the pipeline is known it is in the step's saved state; the session's end is the restart.
            j.waitForMessage("workflow build: running", b);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("Resuming the wait for CircleCI pipeline #1 (gh/acme/api)", b);
            j.assertLogContains("result=SUCCESS", b);
            j.assertLogNotContains(CircleCiStepsJenkinsTest.TOKEN, b);
            assertThat(simulator.journal().requests("POST", "/project/.*/pipeline")).as("triggered once").hasSize(1);
        });
    }
}
