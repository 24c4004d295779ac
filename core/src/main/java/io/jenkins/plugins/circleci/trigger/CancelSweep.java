package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import io.jenkins.plugins.circleci.api.model.PipelineState;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.trigger.CompletionRule.Progress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Cancels every workflow of a pipeline being given up (aborted, or timed out) that is or becomes non-terminal. Canceling
 * only what runs at that moment is not enough: a pipeline still being set up lists no workflows yet, and a setup
 * workflow's continuation or an automatic rerun appears later. So the first round runs at once, in the task that ends
 * the wait, and further rounds run on the scheduler until nothing is left to cancel
 * ({@link CompletionRule#nothingLeftToCancel}) or {@link WatchOptions#abortSweep()} has passed; then {@link #done()}
 * completes. Rounds after the first respect the shared request budget; a failed read or cancel is retried in the next
 * round. At most one round runs at a time: each schedules the next.
 */
final class CancelSweep {
    private static final Logger LOG = Logger.getLogger(CancelSweep.class.getName());

    private final PipelineApi api;
    private final String pipelineId;
    private final WatchOptions options;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RandomGenerator random;
    private final PollSchedule schedule;
    private final Consumer<ProgressEvent> events;
    private final String pipelineLink;
    private final String givenUpBy;
    private final Instant until;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    // Touched only by the one round that runs at a time.
    private String pipelineState;
    private Observation lastSeen;
    private final Set<String> cancelAccepted = new HashSet<>();
    private final Set<String> failureAnnounced = new HashSet<>();
    private int quietRounds;
    private int failedReads;

    // Guarded by this.
    private ScheduledFuture<?> next;
    private boolean stopped;

    /**
     * @param givenUpBy what gave the pipeline up, for announcements: "the abort" or "the timeout"
     */
    CancelSweep(PipelineApi api, WatchState state, WatchOptions options, ScheduledExecutorService scheduler,
            Clock clock, RandomGenerator random, Consumer<ProgressEvent> events, String pipelineLink,
            String givenUpBy) {
        this.api = api;
        this.pipelineId = state.pipelineId();
        this.pipelineState = state.pipelineState();
        this.options = options;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.schedule = PollSchedule.of(options);
        this.events = events;
        this.pipelineLink = pipelineLink;
        this.givenUpBy = givenUpBy;
        this.until = clock.instant().plus(options.abortSweep());
    }

    /** Completes when this sweep sends no more cancel requests; cancelled by {@link #stop()}. */
    CompletableFuture<Void> done() {
        return done;
    }

    /**
     * Cancels what is not terminal, announces it, and keeps sweeping on the scheduler unless nothing is left to cancel.
     * Looks afresh first unless {@code seen} was just read; if CircleCI cannot be read, cancels what {@code seen} shows.
     *
     * Does nothing when the sweep was already stopped.
     *
     * @return the sentence for the outcome's message and the look it acted on
     */
    FirstRound firstRound(Observation seen, boolean seenJustNow) {
        synchronized (this) {
            if (stopped) {
                return new FirstRound("", seen);
            }
        }
        Observation look = seen;
        boolean fresh = seenJustNow;
        if (!fresh) {
            try {
                look = read();
                fresh = true;
            } catch (CircleCiException e) {
                events.accept(new ProgressEvent.Warning("could not list the workflows to cancel (" + e.getMessage()
                        + "); canceling those last seen running"));
            }
        }
        lastSeen = look;
        Round round = cancel(look, false);
        StringBuilder sentence = new StringBuilder(round.sentence());
        if (CompletionRule.mayStartMore(look)) {
            sentence.append(" Workflows that start within ").append(DurationText.format(options.abortSweep()))
                    .append(" will be canceled too.");
        }
        if (sentence.isEmpty()) {
            sentence.append(" No workflow was still running.");
        } else {
            events.accept(new ProgressEvent.Notice(sentence.toString().trim(), pipelineLink));
        }
        if (fresh && CompletionRule.nothingLeftToCancel(look)) {
            done.complete(null);
        } else {
            scheduleNext(options.minPollInterval());
        }
        return new FirstRound(sentence.toString(), look);
    }

    /**
     * What the first round did.
     *
     * @param sentence for the outcome's message, starting with a space
     * @param look     the workflows as they were just before the first cancel requests
     */
    record FirstRound(String sentence, Observation look) {}

    /** Stops sweeping (the watcher is closing); {@link #done()} is cancelled. */
    void stop() {
        synchronized (this) {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        }
        done.cancel(false);
    }

    private void sweep() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            next = null;
        }
        try {
            Duration pause = sweepOnce();
            if (pause == null) {
                done.complete(null);
            } else {
                scheduleNext(pause);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "Canceling the workflows of CircleCI pipeline " + pipelineId + " failed", e);
            done.completeExceptionally(e);
        }
    }

    /** One later round. Returns the pause before the next one, or null when the sweep is over. */
    private Duration sweepOnce() {
        Instant now = clock.instant();
        if (!now.isBefore(until)) {
            giveUp();
            return null;
        }
        Duration untilAvailable = api.timeUntilAvailable();
        if (untilAvailable.compareTo(Duration.ZERO) > 0) {
            return schedule.whileBudgetExhausted(untilAvailable, random);
        }
        Observation look;
        try {
            look = read();
        } catch (CircleCiException e) {
            return readFailed(e, now);
        }
        failedReads = 0;
        Round round = cancel(look, true);
        if (!round.canceled().isEmpty()) {
            events.accept(new ProgressEvent.Notice("Canceled workflows that started after " + givenUpBy + ": "
                    + String.join(", ", round.canceled()) + ".", pipelineLink));
        }
        if (CompletionRule.nothingLeftToCancel(look)) {
            return null;
        }
        quietRounds = round.canceled().isEmpty() ? quietRounds + 1 : 0;
        return schedule.afterQuietPolls(quietRounds, random);
    }

    private Observation read() {
        if (!PipelineState.CREATED.value().equals(pipelineState) && !PipelineState.ERRORED.value().equals(
                pipelineState)) {
            pipelineState = Observation.wellFormed(api.getPipeline(pipelineId)).state().value();
        }
        List<Workflow> workflows = PipelineState.ERRORED.value().equals(pipelineState) ? List.of()
                : Observation.wellFormed(api.listWorkflows(pipelineId));
        lastSeen = new Observation(pipelineState, List.of(), workflows);
        return lastSeen;
    }

    private Duration readFailed(CircleCiException e, Instant now) {
        failedReads++;
        if (failedReads == 1) {
            events.accept(new ProgressEvent.Warning("reading CircleCI to cancel the workflows of the pipeline failed ("
                    + e.getMessage() + "); retrying"));
        }
        Duration retryAfter = e instanceof RateLimitedException r ? r.retryAfter().orElse(null) : null;
        if (retryAfter != null) {
            api.pauseUntil(now.plus(retryAfter));
        }
        return schedule.afterFailures(failedReads, retryAfter, random);
    }

    /**
     * Cancels each workflow that is not terminal, counted or not: they all belong to the pipeline being given up. A
     * workflow whose cancel CircleCI accepted is not canceled again while its status catches up; one whose cancel
     * failed is tried again in every round, and its failure announced once (the first round's failures are in the
     * outcome's message instead).
     */
    private Round cancel(Observation look, boolean announceFailures) {
        List<String> canceled = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Workflow w : look.workflows()) {
            if (CompletionRule.progress(w) == Progress.TERMINAL || cancelAccepted.contains(w.id())) {
                continue;
            }
            try {
                api.cancelWorkflow(w.id());
                cancelAccepted.add(w.id());
                canceled.add(w.name());
            } catch (CircleCiException e) {
                failed.add(w.name() + " (" + e.getMessage() + ")");
                if (failureAnnounced.add(w.id()) && announceFailures) {
                    events.accept(new ProgressEvent.Warning("could not cancel workflow " + w.name() + " ("
                            + e.getMessage() + "); retrying until " + DurationText.format(options.abortSweep())
                            + " after " + givenUpBy));
                }
            }
        }
        return new Round(canceled, failed);
    }

    private void giveUp() {
        List<String> running = lastSeen == null ? List.of() : lastSeen.workflows().stream()
                .filter(w -> CompletionRule.progress(w) != Progress.TERMINAL).map(Workflow::name).toList();
        if (!running.isEmpty()) {
            events.accept(new ProgressEvent.Warning("workflows still not canceled "
                    + DurationText.format(options.abortSweep()) + " after " + givenUpBy + ": "
                    + String.join(", ", running) + "; cancel them in CircleCI" + (pipelineLink == null ? ""
                            : ": " + pipelineLink)));
        }
    }

    private void scheduleNext(Duration pause) {
        Duration left = Duration.between(clock.instant(), until);
        Duration delay = left.isNegative() ? Duration.ZERO : (pause.compareTo(left) > 0 ? left : pause);
        synchronized (this) {
            if (stopped) {
                return;
            }
            try {
                next = scheduler.schedule(this::sweep, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                stopped = true;
                done.completeExceptionally(new IllegalStateException("The scheduler was shut down while workflows "
                        + "of CircleCI pipeline " + pipelineId + " could still start; check them in CircleCI.", e));
            }
        }
    }

    /** What one round asked CircleCI to cancel. */
    private record Round(List<String> canceled, List<String> failed) {
        /** " Canceled workflows: a, b. Could not cancel: c (why).", or empty. */
        String sentence() {
            StringBuilder s = new StringBuilder();
            if (!canceled.isEmpty()) {
                s.append(" Canceled workflows: ").append(String.join(", ", canceled)).append('.');
            }
            if (!failed.isEmpty()) {
                s.append(" Could not cancel: ").append(String.join(", ", failed)).append('.');
            }
            return s.toString();
        }
    }
}
