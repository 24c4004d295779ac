package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.WatchHandle;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import io.jenkins.plugins.circleci.trigger.WatchState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What an interrupt says it will do, and that it does exactly that. */
class AbortOnInterruptTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ProgressPrinter progress = new ProgressPrinter(new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    private final WatchOptions options = WatchOptions.builder().abortSweep(Duration.ofMinutes(2)).build();
    private final AbortOnInterrupt abort = new AbortOnInterrupt(progress, options);

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void awaitInterruptMessage() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!printed().contains("Interrupted")) {
            assertThat(System.nanoTime()).as("the interrupt's message").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Interrupts on another thread, as the shutdown hook does, and lets the run end with {@code code}. */
    private int interruptThenFinish(int code) throws Exception {
        CompletableFuture<Integer> halt = CompletableFuture.supplyAsync(abort::onInterrupt);
        awaitInterruptMessage();
        abort.finished(code);
        return halt.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aCancelingInterruptSaysHowLongItMayTakeAndWhatKillNineCosts() throws Exception {
        RecordingHandle handle = new RecordingHandle();
        abort.watching(handle);

        assertThat(interruptThenFinish(ExitCodes.ABORTED)).isEqualTo(ExitCodes.ABORTED);
        assertThat(printed()).contains("Interrupted: canceling the pipeline's running workflows, and any that start "
                + "late, exiting within 150s. Another Ctrl-C does nothing meanwhile; kill -9 exits at once but "
                + "cancels nothing more.");
        assertThat(handle.aborts).containsExactly("interrupted by a signal");
    }

    @Test
    void onceTheRunDecidedNotToWaitAnInterruptCancelsNothingAndSaysSo() throws Exception {
        assertThat(abort.decideNotToWait()).isTrue();

        assertThat(interruptThenFinish(ExitCodes.SUCCESS)).isEqualTo(ExitCodes.SUCCESS);
        assertThat(printed()).contains("not waiting for the pipeline (--no-wait), so its workflows keep running")
                .doesNotContain("canceling");
    }

    @Test
    void anInterruptBeforeTheDecisionMakesTheRunWaitToCancel() throws Exception {
        CompletableFuture<Integer> halt = CompletableFuture.supplyAsync(abort::onInterrupt);
        awaitInterruptMessage();

        assertThat(abort.decideNotToWait()).isFalse();
        RecordingHandle handle = new RecordingHandle();
        abort.watching(handle);
        abort.finished(ExitCodes.ABORTED);
        assertThat(halt.get(20, TimeUnit.SECONDS)).isEqualTo(ExitCodes.ABORTED);
        assertThat(printed()).contains("Interrupted while triggering: waiting for CircleCI's answer, then canceling");
        assertThat(handle.aborts).containsExactly("interrupted by a signal");
    }

    /** A wait that only records its aborts. */
    private static final class RecordingHandle implements WatchHandle {
        final List<String> aborts = new ArrayList<>();
        private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

        @Override
        public CompletableFuture<Outcome> outcome() {
            return outcome;
        }

        @Override
        public void nudge() {}

        @Override
        public synchronized CompletableFuture<Outcome> abort(String reason) {
            aborts.add(reason);
            return outcome;
        }

        @Override
        public CompletableFuture<Void> cancellationsDone() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public WatchState state() {
            throw new UnsupportedOperationException("not saved in these tests");
        }
    }
}
