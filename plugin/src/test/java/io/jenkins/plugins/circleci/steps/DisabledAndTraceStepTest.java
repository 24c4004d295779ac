package io.jenkins.plugins.circleci.steps;

import static io.jenkins.plugins.circleci.steps.SimulatedEnvironment.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code disabled: true} (checks everything, sends nothing) and the build's W3C trace context (TRACEPARENT in the
 * build's environment, passed on as headers and, opt-in, as a pipeline parameter), against the simulator.
 */
class DisabledAndTraceStepTest {
    private static final String GREEN = "gh/acme/green";
    private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator simulator;
    private SimulatedEnvironment environment;

    @BeforeEach
    void startSimulator() {
        Scenario scenario = Scenario.builder()
                .project(GREEN, p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(5))))
                .build();
        simulator = CircleCiSimulator.builder().port(0).clock(clock).scenario(scenario).start();
        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, null);
    }

    @AfterEach
    void stopSimulator() throws Exception {
        environment.close();
        simulator.close();
    }

    // ---- disabled

    @Test
    void disabledSendsNothingLooksUpNoCredentialsAndReturnsAMapThatSaysSo() throws Exception {
        CircleCiTriggerStep step = trigger(GREEN);
        step.setBranch("main");
        // Credentials the environment does not know: a lookup would fail the step.
        step.setCredentialsId("not-looked-up");
        step.setDisabled(true);
        TestStepContext context = new TestStepContext().withEnvironment(Map.of("TRACEPARENT", PARENT));

        StepExecution execution = step.start(context);
        assertThat(execution.start()).as("done at once, synchronously").isTrue();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.result().getNow(null);
        assertThat(result).isNotNull();
        assertThat(result.get("triggered")).isEqualTo(false);
        assertThat(result.get("result")).isEqualTo("NOT_BUILT");
        assertThat(result.get("project")).isEqualTo(GREEN);
        assertThat(result).containsEntry("id", null).containsEntry("number", null).containsEntry("url", null)
                .containsEntry("state", null).containsEntry("workflows", List.of())
                .containsEntry("failedJobs", List.of()).containsEntry("artifacts", List.of());
        // Pipeline keeps return values in its program state.
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(result);
        assertThat(context.log().lines().toList()).containsExactly("circleciTrigger: disabled: true, so no CircleCI "
                + "pipeline was triggered for " + GREEN + " (branch main) (the arguments were checked; nothing was "
                + "sent to CircleCI).");
        assertThat(simulator.journal().total()).as("requests CircleCI received").isZero();
        assertThat(environment.clientThreads()).as("clients built").isEmpty();
    }

    @Test
    void disabledNeverFailsTheBuildEvenWithPropagate() throws Exception {
        CircleCiTriggerStep step = trigger(GREEN);
        step.setDisabled(true);
        step.setPropagate(true);
        TestStepContext context = new TestStepContext();

        step.start(context).start();

        // TestStepContext refuses setResult; a failure would complete the result exceptionally.
        assertThat(context.result()).isCompleted();
        assertThat(context.result().isCompletedExceptionally()).isFalse();
    }

    @Test
    void disabledStillChecksEveryArgument() throws Exception {
        assertRefusedWhileDisabled(s -> s.setTimeout("10 parsecs"), "10 parsecs");
        assertRefusedWhileDisabled(s -> s.setOnHold("maybe"), "maybe");
        assertRefusedWhileDisabled(s -> {
            s.setWait(false);
            s.setWaitFor("created");
        }, "wait: false");
        assertRefusedWhileDisabled(s -> {
            s.setParameters(Map.of("traceparent", "x"));
            s.setTraceparentParameter("traceparent");
        }, "given both in the parameters and as traceparentParameter");
        assertRefusedWhileDisabled(s -> s.setCredentialsId(null), "No CircleCI credentials were given");
        CircleCiTriggerStep badSlug = new CircleCiTriggerStep("acme/api");
        badSlug.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        badSlug.setDisabled(true);
        assertThatThrownBy(() -> badSlug.start(new TestStepContext()).start()).isInstanceOf(AbortException.class);
        assertThat(simulator.journal().total()).isZero();
    }

    private void assertRefusedWhileDisabled(java.util.function.Consumer<CircleCiTriggerStep> typo, String message) {
        CircleCiTriggerStep step = trigger(GREEN);
        step.setDisabled(true);
        typo.accept(step);
        TestStepContext context = new TestStepContext();
        assertThatThrownBy(() -> step.start(context).start()).isInstanceOf(AbortException.class)
                .hasMessageContaining(message);
        assertThat(context.result()).isNotDone();
    }

    @Test
    void aTriggeredPipelinesMapSaysTriggeredTrue() throws Exception {
        TestStepContext context = new TestStepContext();
        trigger(GREEN).start(context).start();

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat(result.get("triggered")).isEqualTo(true);
        assertThat(result.get("number")).isNotNull();
    }

    // ---- trace context

    @Test
    void theBuildsTraceparentGoesAsHeadersAndAsTheNamedParameter() throws Exception {
        CircleCiTriggerStep step = trigger(GREEN);
        step.setParameters(Map.of("deploy", true));
        step.setTraceparentParameter("traceparent");
        TestStepContext context = new TestStepContext().withEnvironment(Map.of("TRACEPARENT", PARENT,
                "TRACESTATE", "rojo=00f067aa0ba902b7"));
        step.start(context).start();

        environment.awaitSuccess(context);

        JournalEntry post = simulator.journal().requests("POST", "/pipeline$").get(0);
        JsonNode body = new ObjectMapper().readTree(post.bodyText());
        assertThat(body.path("parameters").path("traceparent").asText()).isEqualTo(PARENT);
        assertThat(body.path("parameters").path("deploy").asBoolean()).isTrue();
        List<JournalEntry> all = simulator.journal().entries();
        assertThat(all).hasSizeGreaterThan(1).allSatisfy(e -> {
            assertThat(e.header("traceparent")).as(e.toString()).isEqualTo(PARENT);
            assertThat(e.header("tracestate")).as(e.toString()).isEqualTo("rojo=00f067aa0ba902b7");
        });
        assertThat(context.log()).doesNotContain("TRACEPARENT");
    }

    @Test
    void withoutTraceparentParameterOnlyTheHeadersCarryIt() throws Exception {
        TestStepContext context = new TestStepContext().withEnvironment(Map.of("TRACEPARENT", PARENT));
        trigger(GREEN).start(context).start();

        environment.awaitSuccess(context);

        JournalEntry post = simulator.journal().requests("POST", "/pipeline$").get(0);
        assertThat(post.header("traceparent")).isEqualTo(PARENT);
        assertThat(post.header("tracestate")).isNull();
        assertThat(new ObjectMapper().readTree(post.bodyText()).has("parameters")).isFalse();
    }

    @Test
    void anInvalidTraceparentIsIgnoredWithANoteAndTheStepStillSucceeds() throws Exception {
        CircleCiTriggerStep step = trigger(GREEN);
        step.setTraceparentParameter("traceparent");
        TestStepContext context = new TestStepContext().withEnvironment(Map.of(
                "TRACEPARENT", "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01"));
        step.start(context).start();

        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(context);

        assertThat(result.get("result")).isEqualTo("SUCCESS");
        assertThat(context.log()).contains("TRACEPARENT '00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01' "
                + "is not a W3C traceparent (its trace-id is not 32 lowercase hex digits), so it was ignored");
        assertThat(simulator.journal().entries()).allSatisfy(e -> assertThat(e.header("traceparent")).isNull());
        JournalEntry post = simulator.journal().requests("POST", "/pipeline$").get(0);
        assertThat(new ObjectMapper().readTree(post.bodyText()).has("parameters")).isFalse();
    }

    @Test
    void noEnvironmentOrNoTraceparentMeansNoHeaders() throws Exception {
        TestStepContext context = new TestStepContext().withEnvironment(Map.of("PATH", "/usr/bin"));
        trigger(GREEN).start(context).start();
        environment.awaitSuccess(context);
        TestStepContext noEnv = new TestStepContext();
        trigger(GREEN).start(noEnv).start();
        environment.awaitSuccess(noEnv);

        assertThat(simulator.journal().requests("POST", "/pipeline$")).hasSize(2);
        assertThat(simulator.journal().entries()).allSatisfy(e -> assertThat(e.header("traceparent")).isNull());
    }

    @Test
    void theWaitStepSendsNoTraceHeaders() throws Exception {
        TestStepContext first = new TestStepContext();
        trigger(GREEN).start(first).start();
        String id = (String) ((Map<?, ?>) environment.awaitSuccess(first)).get("id");
        simulator.journal().clear();
        CircleCiWaitStep wait = new CircleCiWaitStep(id);
        wait.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        TestStepContext context = new TestStepContext().withEnvironment(Map.of("TRACEPARENT", PARENT));
        wait.start(context).start();

        environment.awaitSuccess(context);

        assertThat(simulator.journal().entries()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.header("traceparent")).isNull());
    }
}
