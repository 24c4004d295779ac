package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.JobStatus;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import io.jenkins.plugins.circleci.trigger.Assessment.Done;
import io.jenkins.plugins.circleci.trigger.Assessment.Remark;
import io.jenkins.plugins.circleci.trigger.Assessment.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides, from one look at a pipeline, whether the wait is truly over. Pure: no I/O, no clock, no threads; the same
 * look, state, options and instant always give the same answer. {@code docs/engine.md} states the rules in prose.
 */
final class CompletionRule {
    static final String NO_WORKFLOWS = "no-workflows";
    static final String CONTINUATION = "continuation";
    static final String MISSING_WORKFLOWS = "missing-workflows";
    static final String RERUN = "rerun:";
    /** Grace key: when this wait first saw a workflow on hold (for the hold timeout). */
    static final String HOLD_TIMER = "hold-timer:";
    /** Remark key: the notice that a workflow waits for approval. */
    static final String HOLD_REMARK = "hold:";
    /** Grace key: when this wait first saw a counted workflow {@code failing}. */
    static final String FAILING = "failing:";
    /**
     * How long a counted workflow is {@code failing} before its jobs are listed on each look: long enough that a
     * failure whose other jobs are about to end costs no request, short enough that one left waiting for an approval
     * (which CircleCI shows as {@code failing}, not {@code on_hold}) is soon treated as the hold it is.
     */
    static final Duration FAILING_JOBS_AFTER = Duration.ofMinutes(1);

    /** Where a workflow stands, as far as waiting is concerned. */
    enum Progress {
        RUNNING,
        ON_HOLD,
        /** A status this version does not know, not stopped yet: treated as running. */
        UNKNOWN_RUNNING,
        TERMINAL
    }

    private CompletionRule() {}

    static Assessment assess(Observation look, WatchState state, WatchOptions options, Instant now, Links links) {
        return assess(look, state, options, now, links, HeldJobs.none());
    }

    /** @param held the jobs of the counted workflows on hold, as far as this look listed them */
    static Assessment assess(Observation look, WatchState state, WatchOptions options, Instant now, Links links,
            HeldJobs held) {
        Assessment assessment = new Evaluation(look, state, options, now, links, held).run();
        if (assessment instanceof Waiting waiting && !now.isBefore(state.deadline())) {
            return timedOut(look, state, options, links, waiting.pending(), waiting.graceStarts(), waiting.remarks());
        }
        return assessment;
    }

    /** The verdict when the deadline passed with {@code pending} still awaited. */
    static Done timedOut(Observation look, WatchState state, WatchOptions options, Links links, List<String> pending,
            Map<String, Instant> graceStarts, List<Remark> remarks) {
        String still = pending.isEmpty() ? "" : "; still waiting for " + String.join(", ", pending);
        String message = "Timed out after " + DurationText.format(options.timeout()) + " waiting for "
                + pipelineName(state) + still + ".";
        List<Workflow> counted = counted(latestByName(look.workflows()), options);
        // A counted workflow that already ended worse than the timeout's result keeps its worse result: an
        // on-timeout policy of unstable must not hide a failure that happened before the deadline.
        BuildResult result = options.onTimeout().result();
        for (Workflow w : counted) {
            if (progress(w) == Progress.TERMINAL) {
                result = BuildResult.worst(result, options.resultMapping().map(w.status().value()));
            }
        }
        return new Done(result, OutcomeReason.TIMED_OUT, message, List.of(), summaries(counted, links), graceStarts,
                remarks);
    }

    /** The counted workflows (newest of each name) that wait for approval. */
    static List<Workflow> heldCounted(Observation look, WatchOptions options) {
        return counted(latestByName(look.workflows()), options).stream()
                .filter(w -> progress(w) == Progress.ON_HOLD).toList();
    }

    /**
     * The counted workflows (newest of each name) that have been {@code failing} for {@link #FAILING_JOBS_AFTER} or
     * longer: their jobs tell whether they still run or only wait for an approval.
     */
    static List<Workflow> failingCounted(Observation look, WatchState state, WatchOptions options, Instant now) {
        return counted(latestByName(look.workflows()), options).stream()
                .filter(w -> w.status().equals(WorkflowStatus.FAILING))
                .filter(w -> {
                    Instant since = state.graceStarts().get(FAILING + w.id());
                    return since != null && !now.isBefore(since.plus(FAILING_JOBS_AFTER));
                }).toList();
    }

    /**
     * Whether a {@code failing} workflow's jobs show it stopped at an approval: an approval job waits, and every other
     * job has ended or is blocked behind it. Nothing runs, so only an approval can move it on, and as a job already
     * failed it can only end {@code failed} or {@code canceled}. A job of an unknown or missing status keeps this
     * false: it may be running.
     */
    static boolean stoppedAtApproval(List<Job> jobs) {
        if (HeldJobs.waitingForApproval(jobs).isEmpty()) {
            return false;
        }
        return jobs.stream().allMatch(j -> j.status() != null && (j.status().isTerminal()
                || JobStatus.BLOCKED.equals(j.status()) || j.isApproval() && JobStatus.ON_HOLD.equals(j.status())));
    }

    /** Whether {@code w}, on hold, has waited longer than the hold timeout since this wait first saw it on hold. */
    static boolean holdTimerPassed(Workflow w, WatchState state, WatchOptions options, Instant now) {
        Instant since = state.graceStarts().get(HOLD_TIMER + w.id());
        return since != null && options.holdTimeout().isPresent()
                && !now.isBefore(since.plus(options.holdTimeout().get()));
    }

    static Progress progress(Workflow w) {
        WorkflowStatus status = w.status();
        if (status.equals(WorkflowStatus.ON_HOLD)) {
            return Progress.ON_HOLD;
        }
        if (status.isTerminal()) {
            return Progress.TERMINAL;
        }
        if (status.isKnown()) {
            return Progress.RUNNING;
        }
        return w.stoppedAt() == null ? Progress.UNKNOWN_RUNNING : Progress.TERMINAL;
    }

    /** The newest workflow of each name (a rerun, automatic or manual, supersedes the run before it), oldest first. */
    static Map<String, Workflow> latestByName(List<Workflow> workflows) {
        Comparator<Workflow> byAge = Comparator
                .comparing(Workflow::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(w -> w.autoRerunNumber() == null ? 0 : w.autoRerunNumber());
        List<Workflow> sorted = new ArrayList<>(workflows);
        sorted.sort(byAge);
        Map<String, Workflow> latest = new LinkedHashMap<>();
        for (Workflow w : sorted) {
            latest.remove(w.name());
            latest.put(w.name(), w);
        }
        return latest;
    }

    static boolean awaitsAutomaticRerun(Workflow w) {
        int done = w.autoRerunNumber() == null ? 0 : w.autoRerunNumber();
        return w.status().equals(WorkflowStatus.FAILED) && w.maxAutoReruns() != null && w.maxAutoReruns() > done;
    }

    /**
     * Whether a pipeline may still start workflows it has not listed yet: it is not created yet, it lists none, a
     * succeeded setup workflow awaits its continuation, or a failed workflow awaits an automatic rerun. The same
     * facts the rules above wait for; an errored pipeline starts nothing.
     */
    static boolean mayStartMore(Observation look) {
        if (look.errored()) {
            return false;
        }
        Map<String, Workflow> latest = latestByName(look.workflows());
        if (!"created".equals(look.pipelineState()) || latest.isEmpty()) {
            return true;
        }
        boolean continued = latest.values().stream().anyMatch(w -> !w.isSetup());
        boolean continuationDue = !continued && latest.values().stream()
                .anyMatch(w -> w.isSetup() && w.status().equals(WorkflowStatus.SUCCESS));
        return continuationDue || latest.values().stream().anyMatch(CompletionRule::awaitsAutomaticRerun);
    }

    /** Whether a pipeline being given up has nothing left to cancel, now or later. */
    static boolean nothingLeftToCancel(Observation look) {
        return !mayStartMore(look) && look.workflows().stream().allMatch(w -> progress(w) == Progress.TERMINAL);
    }

    static String pipelineName(WatchState state) {
        return state.pipelineNumber() > 0 ? "CircleCI pipeline #" + state.pipelineNumber()
                : "CircleCI pipeline " + state.pipelineId();
    }

    private static List<Workflow> counted(Map<String, Workflow> latest, WatchOptions options) {
        return latest.values().stream().filter(w -> options.counts(w.name())).toList();
    }

    private static List<WorkflowSummary> summaries(List<Workflow> workflows, Links links) {
        return workflows.stream()
                .map(w -> WorkflowSummary.of(w, links.workflow(w.id())))
                .toList();
    }

    /** One run of the rules over one look; collects grace periods and remarks as it goes. */
    private static final class Evaluation {
        private final Observation look;
        private final WatchState state;
        private final WatchOptions options;
        private final Instant now;
        private final Links links;
        private final HeldJobs held;
        private final Map<String, Instant> graces = new LinkedHashMap<>();
        private final List<Remark> remarks = new ArrayList<>();
        private final List<String> pending = new ArrayList<>();

        Evaluation(Observation look, WatchState state, WatchOptions options, Instant now, Links links,
                HeldJobs held) {
            this.look = look;
            this.state = state;
            this.options = options;
            this.now = now;
            this.links = links;
            this.held = held;
        }

        Assessment run() {
            Map<String, Workflow> latest = latestByName(look.workflows());
            if (look.errored()) {
                String errors = look.pipelineErrors().isEmpty() ? "CircleCI gave no reason"
                        : String.join("; ", look.pipelineErrors());
                return done(BuildResult.FAILURE, OutcomeReason.ERRORED,
                        pipelineName(state) + " errored: " + errors + ".", look.pipelineErrors(), latest);
            }
            if (latest.isEmpty()) {
                return noWorkflowsYet(latest);
            }
            Workflow setup = latest.values().stream().filter(Workflow::isSetup).reduce((a, b) -> b).orElse(null);
            boolean continued = latest.values().stream().anyMatch(w -> !w.isSetup());
            if (setup != null && !continued) {
                return awaitingContinuation(setup, latest);
            }
            return countedWorkflows(latest);
        }

        private Assessment noWorkflowsYet(Map<String, Workflow> latest) {
            if (!look.created()) {
                // Still being set up (setup-pending, setup, pending): CircleCI has not decided which workflows run,
                // and a backlog can keep it there for a while. Only the overall timeout bounds this wait.
                pending.add("the pipeline to be created (" + look.pipelineState() + ")");
                return waiting();
            }
            if (elapsed(NO_WORKFLOWS).compareTo(options.noWorkflowsGrace()) >= 0) {
                return done(BuildResult.NOT_BUILT, OutcomeReason.NO_WORKFLOWS, pipelineName(state)
                        + " created no workflows within " + DurationText.format(options.noWorkflowsGrace())
                        + " (its branch filters or 'when' conditions may exclude them all).", List.of(), latest);
            }
            pending.add("workflows to be created");
            return waiting();
        }

        private Assessment awaitingContinuation(Workflow setup, Map<String, Workflow> latest) {
            Progress p = progress(setup);
            if (p != Progress.TERMINAL) {
                remarkUnknownStatus(setup, p);
                pending.add("setup workflow " + setup.name() + " (" + setup.status() + ")");
                return waiting();
            }
            if (!setup.status().equals(WorkflowStatus.SUCCESS)) {
                BuildResult result = BuildResult.worst(BuildResult.FAILURE, options.resultMapping().map(
                        setup.status().value()));
                return done(result, OutcomeReason.COMPLETED, "Setup workflow " + setup.name() + " ended "
                        + setup.status() + ": no continuation will run.", List.of(), latest);
            }
            Duration grace = options.continuationGrace();
            if (elapsed(CONTINUATION).compareTo(grace) < 0) {
                remarks.add(new Remark(CONTINUATION + ":" + setup.id(), Remark.Kind.NOTICE, "setup workflow "
                        + setup.name() + " succeeded; waiting up to " + DurationText.format(grace)
                        + " for its continuation", setup.id()));
                pending.add("the continuation of setup workflow " + setup.name());
                return waiting();
            }
            String late = "Setup workflow " + setup.name() + " succeeded but no continuation appeared within "
                    + DurationText.format(grace);
            List<String> missing = options.workflows().stream().filter(n -> !latest.containsKey(n)).toList();
            if (options.workflows().contains(setup.name()) && missing.isEmpty()) {
                return done(BuildResult.SUCCESS, OutcomeReason.COMPLETED, late + "; counting the setup workflow, "
                        + "which the workflow filter names.", List.of(), latest);
            }
            if (options.workflows().contains(setup.name())) {
                // The filter also names workflows the continuation should have started: they never ran, so the
                // setup workflow's success alone must not pass for theirs (rule 6, as in countedWorkflows).
                return done(BuildResult.NOT_BUILT, OutcomeReason.NO_WORKFLOWS, late + ": workflows "
                        + String.join(", ", missing) + ", which the workflow filter names, never ran.", List.of(),
                        latest);
            }
            return done(BuildResult.NOT_BUILT, OutcomeReason.NO_WORKFLOWS, late + ": nothing else ran.", List.of(),
                    latest);
        }

        private Assessment countedWorkflows(Map<String, Workflow> latest) {
            BuildResult worst = BuildResult.SUCCESS;
            boolean heldCountedAsSuccess = false;
            List<String> heldUnstable = new ArrayList<>();
            List<String> heldTooLong = new ArrayList<>();
            for (Workflow w : counted(latest, options)) {
                Progress p = progress(w);
                if (w.status().equals(WorkflowStatus.FAILING)) {
                    elapsed(FAILING + w.id());
                    List<Job> listed = held.of(w.id());
                    if (listed != null && stoppedAtApproval(listed)) {
                        Done verdict = failingHold(w, HeldJobs.waitingForApproval(listed), latest, heldTooLong,
                                heldUnstable);
                        if (verdict != null) {
                            return verdict;
                        }
                        if (options.onHold() != OnHoldPolicy.WAIT) {
                            // Ended as far as this wait is concerned; it can no longer succeed.
                            worst = BuildResult.worst(worst, failingResult());
                            heldCountedAsSuccess |= options.onHold() == OnHoldPolicy.SUCCEED;
                        }
                        continue;
                    }
                }
                switch (p) {
                    case RUNNING, UNKNOWN_RUNNING -> {
                        remarkUnknownStatus(w, p);
                        pending.add(w.name() + " (" + w.status() + ")");
                    }
                    case ON_HOLD -> {
                        List<Job> listed = held.of(w.id());
                        List<Job> waiting = listed == null ? List.of() : HeldJobs.waitingForApproval(listed)
                                .stream().filter(j -> !state.approved().contains(HeldJobs.requestId(j))).toList();
                        if (listed != null && waiting.isEmpty() && HeldJobs.approvedAny(listed, state.approved())) {
                            // Approved by this wait; CircleCI has not moved the workflow on yet. Not a hold: no
                            // policy applies, and nothing may read a success into it.
                            pending.add(w.name() + " (approved, resuming)");
                            continue;
                        }
                        remarks.add(new Remark(HOLD_REMARK + w.id(), Remark.Kind.ON_HOLD, "workflow " + w.name()
                                + " is on hold, waiting for approval", w.id()));
                        String what = heldWorkflow(w, waiting, "is on hold, waiting for approval", "");
                        switch (options.onHold()) {
                            case WAIT -> waitForApproval(w, waiting, " (on_hold)", "waited for approval",
                                    heldTooLong);
                            case FAIL -> {
                                return done(BuildResult.FAILURE, OutcomeReason.ON_HOLD, "Workflow " + what
                                        + ", and the on-hold policy is fail.", List.of(), latest);
                            }
                            case SUCCEED -> heldCountedAsSuccess = true;
                            case UNSTABLE -> heldUnstable.add(what);
                        }
                    }
                    case TERMINAL -> worst = BuildResult.worst(worst, terminalResult(w));
                }
            }
            if (!heldTooLong.isEmpty()) {
                return done(BuildResult.worst(BuildResult.FAILURE, worst), OutcomeReason.HOLD_TIMED_OUT,
                        heldTooLong.stream().map(h -> "Workflow " + h).collect(Collectors.joining("; ")) + "."
                                + stillRunning(), List.of(), latest);
            }
            if (!heldUnstable.isEmpty()) {
                // Stop waiting, cancel nothing: the held workflows keep waiting for their approval in CircleCI. A
                // counted workflow that already ended worse keeps its worse result.
                return done(BuildResult.worst(BuildResult.UNSTABLE, worst), OutcomeReason.ON_HOLD,
                        heldUnstable.stream().map(h -> "Workflow " + h).collect(Collectors.joining("; "))
                                + ". The on-hold policy is unstable: stopped waiting without canceling anything; "
                                + "the workflow keeps waiting for its approval in CircleCI." + stillRunning(),
                        List.of(), latest);
            }
            List<String> missing = options.workflows().stream().filter(n -> !latest.containsKey(n)).toList();
            if (!missing.isEmpty()) {
                Duration grace = options.noWorkflowsGrace();
                if (elapsed(MISSING_WORKFLOWS).compareTo(grace) < 0) {
                    pending.add("workflows " + String.join(", ", missing) + " to appear");
                } else if (pending.isEmpty()) {
                    return done(BuildResult.worst(BuildResult.NOT_BUILT, worst), OutcomeReason.NO_WORKFLOWS,
                            "Workflows " + String.join(", ", missing) + " did not appear in " + pipelineName(state)
                                    + " within " + DurationText.format(grace) + "; it has: "
                                    + String.join(", ", latest.keySet()) + ".", List.of(), latest);
                }
            }
            if (!pending.isEmpty()) {
                return waiting();
            }
            String results = counted(latest, options).stream().map(w -> w.name() + " " + w.status())
                    .collect(Collectors.joining(", "));
            return done(worst, heldCountedAsSuccess ? OutcomeReason.ON_HOLD : OutcomeReason.COMPLETED,
                    "Workflows finished: " + results + ".", List.of(), latest);
        }

        /**
         * A counted workflow that CircleCI shows {@code failing} but that only waits for an approval: a hold that
         * cannot end well. The on-hold policy applies as to any hold, except that nothing reads a success into it
         * ({@code succeed} and {@code unstable} take at least the result of {@code failed}) and {@code approve} does
         * not approve it (approving would start what comes after a failure, a deployment perhaps). Returns the verdict
         * when the policy ends the wait now, else null (waiting, or counted as ended by the caller).
         */
        private Done failingHold(Workflow w, List<Job> waiting, Map<String, Workflow> latest,
                List<String> heldTooLong, List<String> heldUnstable) {
            remarks.add(new Remark(HOLD_REMARK + w.id(), Remark.Kind.ON_HOLD, "workflow " + w.name()
                    + " is failing and waits for approval of " + HeldJobs.names(waiting) + "; it can only end "
                    + "failed or canceled", w.id()));
            List<String> namedForApproval = waiting.stream().map(Job::name).filter(options.approve()::contains)
                    .toList();
            if (!namedForApproval.isEmpty()) {
                remarks.add(new Remark("no-approval:" + w.id(), Remark.Kind.WARNING, "not approving "
                        + String.join(", ", namedForApproval) + " in workflow " + w.name() + ": a job in it already "
                        + "failed", w.id()));
            }
            String what = heldWorkflow(w, waiting, "is failing and waits for approval", "");
            switch (options.onHold()) {
                case WAIT -> {
                    waitForApproval(w, waiting, " (failing, on_hold)", "is failing and waited for approval",
                            heldTooLong);
                    return null;
                }
                case FAIL -> {
                    return done(BuildResult.FAILURE, OutcomeReason.ON_HOLD, "Workflow " + what
                            + ", and the on-hold policy is fail.", List.of(), latest);
                }
                case UNSTABLE -> {
                    heldUnstable.add(what);
                    return null;
                }
                default -> {
                    return null;
                }
            }
        }

        /**
         * A hold the wait keeps waiting for: awaited, and counted among those held too long once the hold timeout
         * (from the first look that saw this hold) has passed.
         */
        private void waitForApproval(Workflow w, List<Job> waiting, String pendingSuffix, String verb,
                List<String> heldTooLong) {
            pending.add(w.name() + pendingSuffix);
            Duration limit = options.holdTimeout().orElse(null);
            if (limit != null && elapsed(HOLD_TIMER + w.id()).compareTo(limit) >= 0) {
                heldTooLong.add(heldWorkflow(w, waiting, verb, " longer than the hold timeout, "
                        + DurationText.format(limit)));
            }
        }

        /** What a {@code failing} workflow will end as unless canceled: its {@code failed} result. */
        private BuildResult failingResult() {
            return options.resultMapping().map(WorkflowStatus.FAILED.value());
        }

        /**
         * "deploy is on hold, waiting for approval of hold-for-prod (https://app.circleci.com/...)": the job names
         * when this look listed them, the workflow's page (where it is approved) when its link is known.
         */
        private String heldWorkflow(Workflow w, List<Job> waiting, String verb, String detail) {
            String link = links.workflow(w.id());
            return w.name() + " " + verb + (waiting.isEmpty() ? "" : " of " + HeldJobs.names(waiting)) + detail
                    + (link == null ? "" : " (" + link + ")");
        }

        /** " Still running: build (running)." for the counted workflows this verdict leaves running, else "". */
        private String stillRunning() {
            List<String> running = pending.stream().filter(p -> !p.endsWith("on_hold)")).toList();
            return running.isEmpty() ? "" : " Still running: " + String.join(", ", running) + ".";
        }

        /** The result of a stopped workflow; a failed one with automatic reruns left also adds to what is awaited. */
        private BuildResult terminalResult(Workflow w) {
            BuildResult result = options.resultMapping().map(w.status().value());
            if (!w.status().isKnown()) {
                remarks.add(new Remark("unknown:" + w.id() + ":" + w.status(), Remark.Kind.WARNING, "workflow "
                        + w.name() + " stopped with status '" + w.status() + "', unknown to this version; counted as "
                        + result, w.id()));
            }
            if (awaitsAutomaticRerun(w)) {
                Duration grace = options.autoRerunGrace();
                if (elapsed(RERUN + w.id()).compareTo(grace) < 0) {
                    int next = (w.autoRerunNumber() == null ? 0 : w.autoRerunNumber()) + 1;
                    remarks.add(new Remark(RERUN + w.id(), Remark.Kind.NOTICE, "workflow " + w.name()
                            + " failed; waiting up to " + DurationText.format(grace) + " for automatic rerun "
                            + next + " of " + w.maxAutoReruns(), w.id()));
                    pending.add("the automatic rerun of " + w.name());
                }
            }
            return result;
        }

        private void remarkUnknownStatus(Workflow w, Progress p) {
            if (p == Progress.UNKNOWN_RUNNING) {
                remarks.add(new Remark("unknown:" + w.id() + ":" + w.status(), Remark.Kind.WARNING, "workflow "
                        + w.name() + " has status '" + w.status() + "', unknown to this version; waiting until it "
                        + "stops", w.id()));
            }
        }

        /** How long the condition {@code key} has held, starting its grace period if it just began. */
        private Duration elapsed(String key) {
            Instant since = state.graceStarts().getOrDefault(key, now);
            graces.put(key, since);
            return Duration.between(since, now);
        }

        private Waiting waiting() {
            return new Waiting(pending, graces, remarks);
        }

        private Done done(BuildResult result, OutcomeReason reason, String message, List<String> errors,
                Map<String, Workflow> latest) {
            return new Done(result, reason, message, errors, summaries(counted(latest, options), links), graces,
                    remarks);
        }
    }
}
