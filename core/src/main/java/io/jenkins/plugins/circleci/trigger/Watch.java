package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.api.model.PipelineError;
import io.jenkins.plugins.circleci.api.model.PipelineState;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import io.jenkins.plugins.circleci.trigger.Assessment.Done;
import io.jenkins.plugins.circleci.trigger.Assessment.Waiting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * One wait: a chain of short poll tasks on a shared scheduler. At most one task of a wait runs at a time (a poll, or
 * the abort); a nudge during a poll asks for one more poll right after it. A nudged poll never starts sooner than
 * {@link PollSchedule#nudgeGap()} after the previous poll started, so a burst of nudges costs at most two polls. A poll is all or nothing: it reads what it
 * needs, decides, then announces and saves; a read that fails leaves the state as it was and the poll is retried
 * later, never by sleeping.
 */
final class Watch implements WatchHandle {
    private static final Logger LOG = Logger.getLogger(Watch.class.getName());

    private final PipelineApi api;
    private final WatchOptions options;
    private final ProgressListener listener;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RandomGenerator random;
    private final PollSchedule schedule;
    private final DurationAwareSchedule byDuration;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final CompletableFuture<Void> cancellationsDone = new CompletableFuture<>();

    private volatile WatchState state;

    // Guarded by this.
    private boolean running;
    private boolean lookAgain;
    private boolean aborting;
    private boolean stopped;
    private Instant lastPollStart;
    private String abortReason;
    private ScheduledFuture<?> next;
    private Instant nextAt;
    private long generation;
    private CancelSweep sweep;

    // Touched only by the one task of this wait that runs at a time (handed over under the lock above).
    /** The pipeline as read once it was created (a final state): a retried poll does not read it again. */
    private Pipeline createdPipeline;
    /** How long the workflows usually take; null until looked up (once per wait, through the JVM-wide cache). */
    private DurationHistory.Lookup history;
    /** The pipeline's branch as last read; null for a tag, a pipeline without VCS data, or one not read (resumed). */
    private String branch;
    private Observation lastLook;
    private List<String> lastPending = List.of();
    private int quietPolls;
    private int failures;
    private Instant outageSince;

    Watch(PipelineApi api, WatchState state, WatchOptions options, ProgressListener listener,
            ScheduledExecutorService scheduler, Clock clock, RandomGenerator random) {
        this.api = api;
        this.state = state;
        this.options = options;
        this.listener = listener;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.schedule = PollSchedule.of(options);
        this.byDuration = DurationAwareSchedule.of(options);
        // A wait that ends without canceling has no cancel requests left to send; a sweep completes this itself.
        outcome.whenComplete((o, e) -> {
            if (sweepOrNull() == null) {
                cancellationsDone.complete(null);
            }
        });
    }

    synchronized void start() {
        scheduleLocked(firstLookDelay());
    }

    /**
     * At once, unless the pipeline is known to be still in set-up (the trigger answered {@code pending}): then a look
     * now could only see it pending, so the first one comes a minimum interval later, as the second would have.
     */
    private Duration firstLookDelay() {
        String known = state.pipelineState();
        boolean settingUp = known != null && !PipelineState.of(known).isFinal() && state.workflows().isEmpty();
        return settingUp ? untilDeadline(schedule.afterQuietPolls(0, random), clock.instant()) : Duration.ZERO;
    }

    @Override
    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    @Override
    public CompletableFuture<Void> cancellationsDone() {
        return cancellationsDone;
    }

    @Override
    public WatchState state() {
        return state;
    }

    @Override
    public synchronized void nudge() {
        // Stopped: the watcher is closing, and the outcome is cancelled only after the lock is let go.
        if (outcome.isDone() || aborting || stopped) {
            return;
        }
        if (running) {
            lookAgain = true;
            return;
        }
        Duration delay = untilNudgedPollLocked();
        if (nextAt == null || nextAt.isAfter(clock.instant().plus(delay))) {
            scheduleLocked(delay);
        }
    }

    /** How long a nudged poll must wait so that it starts no sooner than the nudge gap after the previous poll. */
    private Duration untilNudgedPollLocked() {
        if (lastPollStart == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(clock.instant(), lastPollStart.plus(schedule.nudgeGap()));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    @Override
    public CompletableFuture<Outcome> abort(String reason) {
        synchronized (this) {
            if (outcome.isDone() || aborting) {
                return outcome;
            }
            aborting = true;
            abortReason = reason;
            cancelNextLocked();
            if (!running) {
                running = true;
                submitAbort();
            }
        }
        return outcome;
    }

    /** Whether a webhook about this pipeline or workflow id concerns this wait. */
    boolean concerns(String pipelineOrWorkflowId) {
        WatchState s = state;
        return s.pipelineId().equals(pipelineOrWorkflowId) || s.workflows().containsKey(pipelineOrWorkflowId);
    }

    /**
     * Stops polling and sweeping without touching CircleCI (the watcher is closing); the outcome and
     * {@link #cancellationsDone()} are cancelled. A sweep that an abort or timeout starts after this stops at once.
     */
    void stop() {
        CancelSweep current;
        synchronized (this) {
            stopped = true;
            cancelNextLocked();
            current = sweep;
        }
        // Before the outcome: cancelling the outcome of a wait without a sweep would complete this normally.
        cancellationsDone.cancel(false);
        if (current != null) {
            current.stop();
        }
        outcome.cancel(false);
    }

    private synchronized CancelSweep sweepOrNull() {
        return sweep;
    }

    private void scheduleLocked(Duration delay) {
        cancelNextLocked();
        long token = generation;
        nextAt = clock.instant().plus(delay);
        try {
            next = scheduler.schedule(() -> poll(token), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            outcome.completeExceptionally(new IllegalStateException("The scheduler of this CircleCI wait was shut "
                    + "down; the wait can be resumed from its saved state.", e));
        }
    }

    private void cancelNextLocked() {
        generation++;
        if (next != null) {
            next.cancel(false);
        }
        next = null;
        nextAt = null;
    }

    private void poll(long token) {
        synchronized (this) {
            if (token != generation || running || aborting || stopped || outcome.isDone()) {
                return;
            }
            running = true;
            next = null;
            nextAt = null;
            lastPollStart = clock.instant();
        }
        Duration delay = null;
        try {
            delay = look();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "CircleCI wait for pipeline " + state.pipelineId() + " failed", e);
            outcome.completeExceptionally(e);
        }
        synchronized (this) {
            if (aborting && !outcome.isDone()) {
                submitAbort();
                return;
            }
            running = false;
            if (outcome.isDone() || stopped || delay == null) {
                return;
            }
            if (lookAgain) {
                lookAgain = false;
                Duration nudged = untilNudgedPollLocked();
                scheduleLocked(nudged.compareTo(delay) < 0 ? nudged : delay);
            } else {
                scheduleLocked(delay);
            }
        }
    }

    /** One poll. Returns the pause before the next one, or null when the wait is over. */
    private Duration look() {
        Instant now = clock.instant();
        if (now.isBefore(state.deadline())) {
            Duration untilAvailable = api.timeUntilAvailable();
            if (untilAvailable.compareTo(Duration.ZERO) > 0) {
                return untilDeadline(schedule.whileBudgetExhausted(untilAvailable, random), now);
            }
        }
        WatchState candidate = state;
        Observation look;
        Assessment assessment;
        Map<String, List<Job>> jobs;
        List<ProgressEvent> holdEvents = new ArrayList<>();
        try {
            List<String> errors = List.of();
            if (needsPipeline(candidate)) {
                Pipeline p = createdPipeline != null ? createdPipeline
                        : Observation.wellFormed(api.getPipeline(candidate.pipelineId()));
                if (p.state().equals(PipelineState.CREATED)) {
                    createdPipeline = p;
                }
                candidate = candidate.withPipeline(p.number(), p.projectSlug(), p.state().value());
                errors = p.errors().stream().map(PipelineError::message).toList();
                branch = p.vcs() == null ? null : p.vcs().branch();
            }
            // An errored pipeline has no workflows to list, nor has a pending one yet (they are created with the
            // pipeline's `created` state); a created pipeline is read again only when needed.
            List<Workflow> workflows = hasNoWorkflows(candidate.pipelineState()) ? List.of()
                    : Observation.keepsEverySeen(Observation.wellFormed(api.listWorkflows(candidate.pipelineId())),
                            candidate.workflows().keySet());
            look = new Observation(candidate.pipelineState(), errors, workflows);
            lookUpHistory(candidate, now);
            HoldRound.Result holds = new HoldRound(api, options, links(candidate), holdEvents::add,
                    this::saveApproval).run(look, candidate, now);
            candidate = holds.state();
            assessment = CompletionRule.assess(look, candidate, options, now, links(candidate), holds.held());
            jobs = fetchJobs(look, candidate, assessment, holds.held());
        } catch (CircleCiException e) {
            holdEvents.forEach(this::emit);
            if (!e.isRetryable()) {
                outcome.completeExceptionally(e);
                return null;
            }
            return readFailed(e, now);
        }
        failures = 0;
        outageSince = null;
        boolean changed = commit(look, candidate, assessment, jobs, now);
        holdEvents.forEach(this::emit);
        lastLook = look;
        if (assessment instanceof Done done) {
            learnDurations(look);
            finish(done, look, true);
            return null;
        }
        Done early = WaitForRule.reached(look, candidate, options, links(candidate));
        if (early != null) {
            synchronized (this) {
                if (aborting) {
                    // An abort came while this look ran. An early return judges nothing and leaves the workflows
                    // running: the abort, which cancels them, wins (poll() runs it once this look is over).
                    return null;
                }
            }
            finish(early, look, true);
            return null;
        }
        lastPending = ((Waiting) assessment).pending();
        quietPolls = changed ? 0 : quietPolls + 1;
        return untilDeadline(nextRegularPoll(quietPolls, now), now);
    }

    /**
     * The pause before the next look after a successful one, the {@code quietPolls}-th in a row without change: by
     * the expected end when the workflows' durations are known, else adaptive.
     */
    private Duration nextRegularPoll(int quiet, Instant now) {
        if (history != null && history.status() == DurationHistory.Status.KNOWN && lastLook != null) {
            Optional<ExpectedEnd> end = ExpectedEnd.of(lastLook, options, history.byWorkflow());
            if (end.isPresent()) {
                return byDuration.next(now, end.get(), random);
            }
        }
        return schedule.afterQuietPolls(quiet, random);
    }

    /**
     * Learns how long the project's workflows usually take on the pipeline's branch (every branch when it has none),
     * unless known, off, or the pipeline's project is unknown; asked again on each poll while another wait asks.
     */
    private void lookUpHistory(WatchState s, Instant now) {
        if (!options.durationAware() || s.projectSlug() == null
                || PipelineState.ERRORED.value().equals(s.pipelineState())
                || history != null && history.status() != DurationHistory.Status.PENDING) {
            return;
        }
        history = DurationHistory.SHARED.lookup(api, s.projectSlug(), branch, now);
    }

    /** Tells the JVM-wide history how long this pipeline's successful workflows took, for the next waits. */
    private void learnDurations(Observation look) {
        if (!options.durationAware() || state.projectSlug() == null) {
            return;
        }
        for (Workflow w : CompletionRule.latestByName(look.workflows()).values()) {
            if (WorkflowStatus.SUCCESS.equals(w.status()) && w.createdAt() != null && w.stoppedAt() != null) {
                DurationHistory.SHARED.learn(api, state.projectSlug(), branch, w.name(),
                        Duration.between(w.createdAt(), w.stoppedAt()));
            }
        }
    }

    /**
     * Whether a pipeline in this state cannot list workflows: errored, or still before its workflows are created
     * ({@code setup-pending}, {@code pending}). A {@code setup} pipeline runs its setup workflow, so it is listed.
     */
    private static boolean hasNoWorkflows(String pipelineState) {
        return PipelineState.ERRORED.value().equals(pipelineState)
                || PipelineState.PENDING.value().equals(pipelineState)
                || PipelineState.SETUP_PENDING.value().equals(pipelineState);
    }

    /**
     * The pipeline read is skipped once it is known and {@code created}: a final state, whose workflows were created
     * with it (an errored pipeline ends the wait).
     */
    private static boolean needsPipeline(WatchState s) {
        return !(s.knowsPipeline() && PipelineState.CREATED.value().equals(s.pipelineState()));
    }

    private Duration untilDeadline(Duration delay, Instant now) {
        Duration left = Duration.between(now, state.deadline());
        return left.isNegative() ? Duration.ZERO : (delay.compareTo(left) > 0 ? left : delay);
    }

    private Duration readFailed(CircleCiException e, Instant now) {
        failures++;
        if (outageSince == null) {
            outageSince = now;
            emit(new ProgressEvent.Warning("reading CircleCI failed (" + e.getMessage() + "); retrying"));
        }
        Duration retryAfter = e instanceof RateLimitedException r ? r.retryAfter().orElse(null) : null;
        if (retryAfter != null) {
            api.pauseUntil(now.plus(retryAfter));
        }
        if (!now.isBefore(state.deadline())) {
            Observation look = lastLook != null ? lastLook : Observation.fromState(state);
            finish(CompletionRule.timedOut(look, state, options, links(state), lastPending, state.graceStarts(),
                    List.of()), look, false);
            return null;
        }
        Duration outage = Duration.between(outageSince, now);
        if (outage.compareTo(options.outagePatience()) >= 0) {
            outcome.completeExceptionally(new CircleCiUnreachableException(CompletionRule.pipelineName(state),
                    state.pipelineId(), outage, e));
            return null;
        }
        return untilDeadline(schedule.afterFailures(failures, retryAfter, nextRegularPoll(quietPolls + 1, now),
                random), now);
    }

    /** Lists the jobs Announcements needs; a job list CircleCI refuses is announced without, not retried. */
    private Map<String, List<Job>> fetchJobs(Observation look, WatchState s, Assessment assessment, HeldJobs held) {
        Map<String, List<Job>> jobs = new LinkedHashMap<>(held.byWorkflow());
        for (String workflowId : Announcements.workflowsNeedingJobs(look, s, assessment, options)) {
            if (jobs.containsKey(workflowId)) {
                continue;
            }
            try {
                jobs.put(workflowId, Observation.wellFormedJobs(api.listJobs(workflowId)));
            } catch (CircleCiException e) {
                if (e.isRetryable()) {
                    throw e;
                }
                emit(new ProgressEvent.Warning("could not list the jobs of workflow " + workflowId + ": "
                        + e.getMessage()));
                jobs.put(workflowId, List.of());
            }
        }
        return jobs;
    }

    /** Announces what changed and saves the new state. Returns whether any workflow changed status. */
    private boolean commit(Observation look, WatchState candidate, Assessment assessment, Map<String, List<Job>> jobs,
            Instant now) {
        Announcements news = Announcements.of(look, candidate, assessment, jobs, options, now, links(candidate));
        WatchState updated = candidate.withProgress(news.seen(), assessment.graceStarts(), news.announced());
        boolean changed = news.statusChanged() || !candidate.equals(state);
        news.events().forEach(this::emit);
        if (!updated.equals(state)) {
            state = updated;
            publish(updated);
        }
        return changed;
    }

    /** @param lookIsFresh whether {@code look} was read just now (else canceling reads the pipeline again) */
    private void finish(Done done, Observation look, boolean lookIsFresh) {
        String message = done.message();
        if (done.reason() == OutcomeReason.TIMED_OUT && options.cancelOnAbort()) {
            message += startSweep(look, lookIsFresh, "the timeout").sentence();
        } else if (done.reason() == OutcomeReason.HOLD_TIMED_OUT) {
            // Given up like a timeout: an approval left open could still start a deployment nobody waits for.
            message += options.cancelOnAbort() ? startSweep(look, lookIsFresh, "the hold timeout").sentence()
                    : " Nothing was canceled (cancelOnAbort is off): the workflow still waits for approval in CircleCI.";
        }
        complete(new Outcome(done.result(), done.reason(), pipelineSummary(), done.workflows(), done.errors(),
                message));
    }

    private void submitAbort() {
        try {
            scheduler.execute(this::runAbort);
        } catch (RejectedExecutionException e) {
            runAbort();
        }
    }

    private void runAbort() {
        try {
            String reason = abortReason == null || abortReason.isBlank() ? "" : ": " + abortReason.trim();
            String message = "Aborted" + reason + ".";
            Observation look = lastLook != null ? lastLook : Observation.fromState(state);
            if (options.cancelOnAbort()) {
                CancelSweep.FirstRound round = startSweep(look, false, "the abort");
                message += round.sentence();
                look = round.look();
            }
            List<WorkflowSummary> counted = CompletionRule.latestByName(look.workflows()).values().stream()
                    .filter(w -> options.counts(w.name()))
                    .map(w -> new WorkflowSummary(w.id(), w.name(), w.status().value(), links(state).workflow(w.id())))
                    .toList();
            complete(new Outcome(BuildResult.ABORTED, OutcomeReason.ABORTED, pipelineSummary(), counted, List.of(),
                    message));
        } catch (RuntimeException | Error e) {
            outcome.completeExceptionally(e);
        }
    }

    /**
     * Cancels what the pipeline runs and keeps canceling what starts after, on the scheduler (see
     * {@link CancelSweep}).
     */
    private CancelSweep.FirstRound startSweep(Observation seen, boolean seenJustNow, String givenUpBy) {
        CancelSweep started = new CancelSweep(api, state, options, scheduler, clock, random, this::emit,
                links(state).pipeline(), givenUpBy);
        boolean stopNow;
        synchronized (this) {
            sweep = started;
            stopNow = stopped;
        }
        started.done().whenComplete((v, e) -> {
            if (e == null) {
                cancellationsDone.complete(null);
            } else {
                cancellationsDone.completeExceptionally(e);
            }
        });
        if (stopNow) {
            started.stop();
        }
        try {
            return started.firstRound(seen, seenJustNow);
        } catch (RuntimeException | Error e) {
            // Else nothing would ever complete the sweep, and with it cancellationsDone: the wait would stay active.
            started.done().completeExceptionally(e);
            throw e;
        }
    }

    private PipelineSummary pipelineSummary() {
        WatchState s = state;
        return new PipelineSummary(s.pipelineId(), s.pipelineNumber(), s.projectSlug(), s.pipelineState(),
                links(s).pipeline());
    }

    private Links links(WatchState s) {
        return Links.of(api.webUrls(), s);
    }

    private void complete(Outcome o) {
        outcome.complete(o);
    }

    private void emit(ProgressEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A progress listener failed on: " + event.message(), e);
        }
    }

    /** Saves an approval at once, so that a restart after it never approves the same job again. */
    private void saveApproval(String approvalRequestId) {
        WatchState s = state.withApproved(approvalRequestId);
        state = s;
        publish(s);
    }

    private void publish(WatchState s) {
        try {
            listener.onStateChanged(s);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A progress listener failed to save the wait's state", e);
        }
    }
}
