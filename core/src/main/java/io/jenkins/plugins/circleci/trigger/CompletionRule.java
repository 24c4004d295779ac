package io.jenkins.plugins.circleci.trigger;

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
        Assessment assessment = new Evaluation(look, state, options, now, links).run();
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
        return new Done(options.onTimeout().result(), OutcomeReason.TIMED_OUT, message, List.of(),
                summaries(counted(latestByName(look.workflows()), options), links), graceStarts, remarks);
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
        private final Map<String, Instant> graces = new LinkedHashMap<>();
        private final List<Remark> remarks = new ArrayList<>();
        private final List<String> pending = new ArrayList<>();

        Evaluation(Observation look, WatchState state, WatchOptions options, Instant now, Links links) {
            this.look = look;
            this.state = state;
            this.options = options;
            this.now = now;
            this.links = links;
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
            if (options.workflows().contains(setup.name())) {
                return done(BuildResult.SUCCESS, OutcomeReason.COMPLETED, late + "; counting the setup workflow, "
                        + "which the workflow filter names.", List.of(), latest);
            }
            return done(BuildResult.NOT_BUILT, OutcomeReason.NO_WORKFLOWS, late + ": nothing else ran.", List.of(),
                    latest);
        }

        private Assessment countedWorkflows(Map<String, Workflow> latest) {
            BuildResult worst = BuildResult.SUCCESS;
            boolean heldCountedAsSuccess = false;
            for (Workflow w : counted(latest, options)) {
                Progress p = progress(w);
                switch (p) {
                    case RUNNING, UNKNOWN_RUNNING -> {
                        remarkUnknownStatus(w, p);
                        pending.add(w.name() + " (" + w.status() + ")");
                    }
                    case ON_HOLD -> {
                        remarks.add(new Remark("hold:" + w.id(), Remark.Kind.ON_HOLD, "workflow " + w.name()
                                + " is on hold, waiting for approval", w.id()));
                        switch (options.onHold()) {
                            case WAIT -> pending.add(w.name() + " (on_hold)");
                            case FAIL -> {
                                return done(BuildResult.FAILURE, OutcomeReason.ON_HOLD, "Workflow " + w.name()
                                        + " is on hold, waiting for approval, and the on-hold policy is fail.",
                                        List.of(), latest);
                            }
                            case SUCCEED -> heldCountedAsSuccess = true;
                        }
                    }
                    case TERMINAL -> worst = BuildResult.worst(worst, terminalResult(w));
                }
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
