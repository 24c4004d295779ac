package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.scenario.ArtifactSpec;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code circleciArtifact} without Jenkins, against the simulator: the artifact listed by {@code artifacts: true} is
 * read through CircleCI's redirect on the plugin's pool, returned as text or plain JSON values, and every way it can
 * fail is a clear AbortException; the token reaches neither the storage, the log nor the result.
 */
class CircleCiArtifactStepTest {
    private static final String PROJECT = "gh/acme/reports";
    private static final String REPORT = "{\"lines\": {\"pct\": 91.5}, \"suites\": [\"unit\", \"it\"], \"ok\": true, "
            + "\"count\": 42, \"none\": null}";

    private final ManualClock clock = new ManualClock();
    private CircleCiSimulator simulator;
    private SimulatedEnvironment environment;
    private Map<String, String> urls;

    @BeforeEach
    void start() throws Exception {
        Scenario scenario = Scenario.builder()
                .project(PROJECT, p -> p.workflow("build", w -> w.job(JobSpec
                        .build("test", Duration.ofSeconds(5), "success").withArtifactFiles(List.of(
                                ArtifactSpec.text("reports/coverage.json", REPORT),
                                ArtifactSpec.text("reports/summary.txt", "12 passed\n"),
                                ArtifactSpec.text("reports/broken.json", "{\"lines\": "),
                                ArtifactSpec.text("reports/big.txt", "x".repeat(3000)),
                                new ArtifactSpec("bin/tool", 0, new byte[] {(byte) 0xff, (byte) 0xfe, 0}))))))
                .build();
        simulator = CircleCiSimulator.builder().port(0).clock(clock).scenario(scenario).start();
        environment = new SimulatedEnvironment(simulator.baseUrl(), clock, null);
        CircleCiTriggerStep trigger = new CircleCiTriggerStep(PROJECT);
        trigger.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        trigger.setArtifacts(true);
        Map<?, ?> result = (Map<?, ?>) environment.awaitSuccess(run(trigger));
        urls = new LinkedHashMap<>();
        for (Object a : (List<?>) result.get("artifacts")) {
            urls.put((String) ((Map<?, ?>) a).get("path"), (String) ((Map<?, ?>) a).get("url"));
        }
        simulator.journal().clear();
    }

    @AfterEach
    void stop() throws Exception {
        environment.close();
        simulator.close();
    }

    private static TestStepContext run(org.jenkinsci.plugins.workflow.steps.Step step) throws Exception {
        TestStepContext context = new TestStepContext();
        assertThat(step.start(context).start()).isFalse();
        return context;
    }

    private CircleCiArtifactStep read(String path) {
        CircleCiArtifactStep step = new CircleCiArtifactStep(urls.get(path));
        step.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        return step;
    }

    @Test
    void theTextIsReturnedThroughTheRedirectAndTheStorageNeverSawTheToken() throws Exception {
        TestStepContext context = run(read("reports/summary.txt"));

        assertThat(environment.awaitSuccess(context)).isEqualTo("12 passed\n");
        assertThat(context.log()).contains("CircleCI artifact <a href=\"" + urls.get("reports/summary.txt"),
                "10 bytes read").doesNotContain(SimulatedEnvironment.TOKEN);
        List<JournalEntry> storage = simulator.journal().requests("GET", "^/artifact-storage/");
        assertThat(storage).hasSize(1);
        assertThat(storage.get(0).headers().keySet()).doesNotContain("circle-token", "authorization");
        assertThat(simulator.journal().requests("GET", "^/artifacts/").get(0).header("circle-token")).isNotNull();
    }

    @Test
    void withJsonTheResultIsPlainMapsListsAndValues() throws Exception {
        CircleCiArtifactStep step = read("reports/coverage.json");
        step.setJson(true);

        Object value = environment.awaitSuccess(run(step));

        assertThat(value).isInstanceOf(LinkedHashMap.class);
        Map<?, ?> map = (Map<?, ?>) value;
        assertThat(List.copyOf(map.keySet())).isEqualTo(List.of("lines", "suites", "ok", "count", "none"));
        assertThat(((Map<?, ?>) map.get("lines")).get("pct")).isEqualTo(91.5);
        assertThat(map.get("suites")).isInstanceOf(ArrayList.class).isEqualTo(List.of("unit", "it"));
        assertThat(map.get("ok")).isEqualTo(Boolean.TRUE);
        assertThat(map.get("count")).isEqualTo(42);
        assertThat(map.containsKey("none")).isTrue();
        assertThat(map.get("none")).isNull();
    }

    @Test
    void theReadRunsOnThePluginsPoolNotOnTheCallersThread() throws Exception {
        CountDownLatch release = environment.occupyBlockingThreads();
        TestStepContext context;
        try {
            context = run(read("reports/summary.txt"));
            // start() returned while every pool thread was busy: it did not read on the caller's thread.
            assertThat(context.result()).isNotDone();
            assertThat(simulator.journal().total()).isZero();
        } finally {
            release.countDown();
        }
        assertThat(context.result().get(20, TimeUnit.SECONDS)).isEqualTo("12 passed\n");
    }

    @Test
    void invalidJsonFailsWithWhereAndWhy() throws Exception {
        CircleCiArtifactStep step = read("reports/broken.json");
        step.setJson(true);

        Throwable failure = environment.awaitFailure(run(step));

        assertThat(failure).isInstanceOf(AbortException.class);
        assertThat(failure.getMessage()).contains("reports/broken.json", "is not valid JSON at line 1")
                .doesNotContain(SimulatedEnvironment.TOKEN, "Signature=");
    }

    @Test
    void moreThanMaxBytesFailsAndSaysHowToRaiseIt() throws Exception {
        CircleCiArtifactStep step = read("reports/big.txt");
        step.setMaxBytes(1000);

        Throwable failure = environment.awaitFailure(run(step));

        assertThat(failure).isInstanceOf(AbortException.class);
        assertThat(failure.getMessage()).contains("larger than the limit of 1000 bytes", "maxBytes");
    }

    @Test
    void binaryContentIsRefusedAsText() throws Exception {
        Throwable failure = environment.awaitFailure(run(read("bin/tool")));

        assertThat(failure.getMessage()).contains("bin/tool", "is not UTF-8 text");
    }

    @Test
    void anExpiredArtifactFailsClearly() throws Exception {
        clock.advance(Duration.ofDays(31));

        Throwable failure = environment.awaitFailure(run(read("reports/summary.txt")));

        assertThat(failure.getMessage()).contains("answered 404", "Artifact not found", "expired");
    }

    @Test
    void aUrlOutsideCircleCiIsRefusedAndNothingIsSent() throws Exception {
        CircleCiArtifactStep step = new CircleCiArtifactStep(simulator.storageBaseUrl() + "/anything");
        step.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);

        Throwable failure = environment.awaitFailure(run(step));

        assertThat(failure.getMessage()).contains("is not on CircleCI");
        assertThat(simulator.journal().total()).isZero();
    }

    @Test
    void badInputsFailAtStartBeforeAnythingIsSent() {
        CircleCiArtifactStep noUrl = new CircleCiArtifactStep(" ");
        noUrl.setCredentialsId(SimulatedEnvironment.CREDENTIALS_ID);
        assertThatThrownBy(() -> noUrl.start(new TestStepContext()).start()).isInstanceOf(AbortException.class)
                .hasMessageContaining("No url was given");

        CircleCiArtifactStep tooMuch = read("reports/summary.txt");
        tooMuch.setMaxBytes(100L * 1024 * 1024);
        assertThatThrownBy(() -> tooMuch.start(new TestStepContext()).start()).isInstanceOf(AbortException.class)
                .hasMessageContaining("maxBytes must be 1 to 67108864");

        CircleCiArtifactStep noCredentials = new CircleCiArtifactStep(urls.get("reports/summary.txt"));
        assertThatThrownBy(() -> noCredentials.start(new TestStepContext()).start())
                .isInstanceOf(AbortException.class).hasMessageContaining("No CircleCI credentials");
        assertThat(simulator.journal().total()).isZero();
    }

    @Test
    void unknownCredentialsFailWithTheirId() throws Exception {
        CircleCiArtifactStep step = read("reports/summary.txt");
        step.setCredentialsId("nope");

        assertThat(environment.awaitFailure(run(step)).getMessage()).contains("'nope'");
    }

    @Test
    void stoppingAQueuedReadFailsTheStepWithTheCause() throws Exception {
        CountDownLatch release = environment.occupyBlockingThreads();
        try {
            TestStepContext context = new TestStepContext();
            var execution = read("reports/summary.txt").start(context);
            assertThat(execution.start()).isFalse();
            AbortException cause = new AbortException("aborted by user");
            execution.stop(cause);
            assertThat(context.result()).isCompletedExceptionally();
            assertThatThrownBy(() -> context.result().join()).hasCause(cause);
        } finally {
            release.countDown();
        }
        environment.drainBlocking();
        assertThat(simulator.journal().total()).isZero();
    }

    @Test
    void aReadCutByARestartIsDoneAgainOnResumeAndTheSavedFormHoldsNoToken() throws Exception {
        CountDownLatch release = environment.occupyBlockingThreads();
        byte[] saved;
        try {
            TestStepContext context = new TestStepContext();
            var execution = read("reports/summary.txt").start(context);
            assertThat(execution.start()).isFalse();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(execution);
            }
            saved = bytes.toByteArray();
        } finally {
            release.countDown();
        }
        assertThat(new String(saved, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(SimulatedEnvironment.TOKEN);

        var resumed = (org.jenkinsci.plugins.workflow.steps.StepExecution) new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(saved)).readObject();
        TestStepContext resumedContext = (TestStepContext) resumed.getContext();
        resumed.onResume();

        assertThat(environment.awaitSuccess(resumedContext)).isEqualTo("12 passed\n");
    }
}
