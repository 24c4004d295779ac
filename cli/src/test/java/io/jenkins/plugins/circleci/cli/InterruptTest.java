package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGINT/SIGTERM end the wait with exit 4 and, unless told otherwise, cancel the running workflows. */
class InterruptTest {
    private static final String PROJECT = "gh/acme/slow";
    private static final Duration LONG = Duration.ofMinutes(5);

    private static Scenario longRunning() {
        return Scenario.builder().project(PROJECT, p -> p
                .workflow("build", w -> w.job("test", LONG))
                .workflow("lint", w -> w.job("lint", LONG))).build();
    }

    /** Interrupts on demand, as a signal would. */
    static final class ManualInterrupts implements Interrupts {
        private volatile IntSupplier registered;

        @Override
        public Registration register(IntSupplier onInterrupt) {
            registered = onInterrupt;
            return () -> registered = null;
        }

        int interrupt() {
            return registered.getAsInt();
        }
    }

    private static void awaitUntil(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static int interruptWhileRunning(Simulated sim, String... extraArgs) throws Exception {
        return interruptOnceStderrMatches("(?s).*workflow \\w+: .*running.*", sim, extraArgs);
    }

    private static int interruptOnceStderrMatches(String stderr, Simulated sim, String... extraArgs)
            throws Exception {
        ManualInterrupts interrupts = new ManualInterrupts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true, Map.of("CIRCLECI_TOKEN", Simulated.TOKEN),
                Clock.systemUTC(), interrupts, Simulated.QUICK);
        List<String> args = new ArrayList<>(List.of("run", "--project", PROJECT, "--json"));
        args.addAll(List.of(extraArgs));
        CompletableFuture<Integer> cli = CompletableFuture.supplyAsync(
                () -> CircleCiTriggerCli.execute(context, sim.withServer(args.toArray(String[]::new))));

        awaitUntil(() -> err.toString(StandardCharsets.UTF_8).matches(stderr), stderr);
        int haltCode = interrupts.interrupt();

        assertThat(cli.get(30, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(haltCode);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"result\":\"ABORTED\"");
        return haltCode;
    }

    @Test
    void anInterruptCancelsTheRunningWorkflows() throws Exception {
        try (Simulated sim = new Simulated(longRunning())) {
            assertThat(interruptWhileRunning(sim)).isEqualTo(ExitCodes.ABORTED);

            assertThat(sim.cancelRequests()).isEqualTo(2);
            assertThat(sim.workflowStatuses(sim.onlyPipelineId())).containsOnlyKeys("build", "lint")
                    .containsValues("canceled");
        }
    }

    @Test
    void anInterruptBeforeTheWorkflowsExistCancelsThemOnceTheyStart() throws Exception {
        Scenario settingUp = Scenario.builder().project(PROJECT, p -> p
                .step("setup-pending", Duration.ofSeconds(1)).step("pending", Duration.ofSeconds(1))
                .workflow("build", w -> w.job("test", LONG))
                .workflow("lint", w -> w.job("lint", LONG))).build();
        try (Simulated sim = new Simulated(settingUp)) {
            assertThat(interruptOnceStderrMatches("(?s).*CircleCI pipeline #\\d+ .*created.*", sim))
                    .isEqualTo(ExitCodes.ABORTED);

            assertThat(sim.cancelRequests()).isEqualTo(2);
            assertThat(sim.workflowStatuses(sim.onlyPipelineId())).containsOnly(
                    Map.entry("build", "canceled"), Map.entry("lint", "canceled"));
        }
    }

    @Test
    void anInterruptWithNoCancelOnAbortLeavesThemRunning() throws Exception {
        try (Simulated sim = new Simulated(longRunning())) {
            assertThat(interruptWhileRunning(sim, "--no-cancel-on-abort")).isEqualTo(ExitCodes.ABORTED);

            assertThat(sim.cancelRequests()).isZero();
            assertThat(sim.workflowStatuses(sim.onlyPipelineId())).containsValues("running").doesNotContainValue(
                    "canceled");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anInterruptDuringASlowTriggerLetsItFinishThenCancelsThePipeline(boolean noWait) throws Exception {
        // The abort comes right after the trigger, before the pipeline has workflows: the abort sweep cancels them
        // as they start.
        Scenario slowTrigger = Scenario.builder().project(PROJECT, p -> p
                .workflow("build", w -> w.job("test", LONG))
                .workflow("lint", w -> w.job("lint", LONG)))
                .fault(FaultRule.delay(Duration.ofSeconds(2)).on("POST", "/pipeline$").first(1)).build();
        try (Simulated sim = new Simulated(slowTrigger)) {
            ManualInterrupts interrupts = new ManualInterrupts();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), true,
                    Map.of("CIRCLECI_TOKEN", Simulated.TOKEN), Clock.systemUTC(), interrupts, Simulated.QUICK);
            List<String> args = new ArrayList<>(List.of("run", "--project", PROJECT, "--json"));
            if (noWait) {
                args.add("--no-wait");
            }
            CompletableFuture<Integer> cli = CompletableFuture.supplyAsync(
                    () -> CircleCiTriggerCli.execute(context, sim.withServer(args.toArray(String[]::new))));

            awaitUntil(() -> interrupts.registered != null, "the interrupt handler");
            assertThat(sim.simulator.pipelineIds()).as("interrupted while the trigger is in flight").isEmpty();
            CompletableFuture<Integer> halt = CompletableFuture.supplyAsync(interrupts::interrupt);

            String printed = err.toString(StandardCharsets.UTF_8);
            assertThat(cli.get(30, TimeUnit.SECONDS)).as(printed).isEqualTo(ExitCodes.ABORTED);
            assertThat(halt.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.ABORTED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Interrupted while triggering");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"result\":\"ABORTED\"");
            assertThat(sim.simulator.journal().count("POST", "/pipeline$")).isEqualTo(1);
            assertThat(sim.workflowStatuses(sim.onlyPipelineId())).containsOnly(
                    Map.entry("build", "canceled"), Map.entry("lint", "canceled"));
        }
    }

    @Test
    void anInterruptAfterANoWaitRunDecidedNotToWaitSaysItCancelsNothing() throws Exception {
        try (Simulated sim = new Simulated(longRunning())) {
            ManualInterrupts interrupts = new ManualInterrupts();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Integer> halt = new CompletableFuture<>();
            // The interrupt lands once the run has decided not to wait: as it prints the outcome.
            ByteArrayOutputStream out = new ByteArrayOutputStream() {
                @Override
                public synchronized void write(byte[] b, int off, int len) {
                    if (!halt.isDone() && interrupts.registered != null) {
                        CompletableFuture.supplyAsync(interrupts::interrupt).whenComplete((code, e) -> {
                            if (e == null) {
                                halt.complete(code);
                            } else {
                                halt.completeExceptionally(e);
                            }
                        });
                        awaitQuietly(() -> err.toString(StandardCharsets.UTF_8).contains("Interrupted"));
                    }
                    super.write(b, off, len);
                }
            };
            CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), true,
                    Map.of("CIRCLECI_TOKEN", Simulated.TOKEN), Clock.systemUTC(), interrupts, Simulated.QUICK);

            int code = CircleCiTriggerCli.execute(context,
                    sim.withServer("run", "--project", PROJECT, "--json", "--no-wait"));

            String printed = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(printed).isEqualTo(ExitCodes.SUCCESS);
            assertThat(halt.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.SUCCESS);
            assertThat(printed).contains("Interrupted after the trigger: not waiting for the pipeline (--no-wait), "
                    + "so its workflows keep running.").doesNotContain("canceling");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT_WAITED");
            assertThat(sim.cancelRequests()).isZero();
        }
    }

    private static void awaitQuietly(Supplier<Boolean> condition) {
        try {
            awaitUntil(condition, "the interrupt's message");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalToARealProcessCancelsTheWorkflowsAndExitsFour(String signal) throws Exception {
        try (Simulated sim = new Simulated(longRunning())) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, Main.class.getName(), "run",
                    "--project", PROJECT, "--json", "--server", sim.simulator.baseUrl());
            builder.environment().put("CIRCLECI_TOKEN", Simulated.TOKEN);
            builder.environment().remove("CIRCLE_TOKEN");
            Process process = builder.start();
            List<String> errLines = new CopyOnWriteArrayList<>();
            Thread errReader = collect(process, errLines);
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process));
            try {
                awaitUntil(() -> errLines.stream().anyMatch(l -> l.matches("workflow \\w+: .*running.*")),
                        "a running workflow in " + errLines);

                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
                assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("exited after SIG" + signal).isTrue();
            } finally {
                process.destroyForcibly();
            }
            errReader.join(5000);

            assertThat(process.exitValue()).as(String.join("\n", errLines)).isEqualTo(ExitCodes.ABORTED);
            assertThat(stdout.get(5, TimeUnit.SECONDS)).contains("\"result\":\"ABORTED\"");
            assertThat(String.join("\n", errLines)).doesNotContain(Simulated.TOKEN);
            assertThat(sim.cancelRequests()).isEqualTo(2);
            assertThat(sim.workflowStatuses(sim.onlyPipelineId())).containsOnly(
                    Map.entry("build", "canceled"), Map.entry("lint", "canceled"));
        }
    }

    private static Thread collect(Process process, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "cli-stderr");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
