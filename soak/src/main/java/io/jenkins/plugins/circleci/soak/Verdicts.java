package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import io.jenkins.plugins.circleci.api.error.TriggerOutcomeUnknownException;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.PipelineTruth;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.trigger.ApprovalRefusedException;
import io.jenkins.plugins.circleci.trigger.CircleCiUnreachableException;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges every wait of a run against the simulator's account of its pipelines.
 *
 * <ul>
 *   <li>a <b>false outcome</b>: the step returned a result or reason that the pipeline's final state contradicts, or
 *       one about a pipeline that does not exist, or it said nothing was sent while a pipeline was created;</li>
 *   <li>a <b>duplicate trigger</b>: a wait whose trigger created more than one pipeline;</li>
 *   <li>a wait that <b>did not end</b> by the horizon (or that nothing was scheduled for any more), or a step that
 *       ended twice;</li>
 *   <li>a <b>secret found</b> anywhere the product wrote;</li>
 *   <li>an <b>unexpected error</b>: the step failed with anything but "the trigger's outcome is unknown" (a restart or
 *       a lost answer during the trigger), "nothing was sent" (the request budget) or "CircleCI unreachable" (every
 *       read failed for the outage patience).</li>
 * </ul>
 */
final class Verdicts {
    private final SoakSettings settings;
    private final SecretScan scan;
    private final CircleCiSimulator sim;

    Verdicts(SoakSettings settings, SecretScan scan, CircleCiSimulator sim) {
        this.settings = settings;
        this.scan = scan;
        this.sim = sim;
    }

    SoakResult judge(List<WaitRecord> records, List<PipelineTruth> truths, String stopped, Duration simulated,
            Duration real, int restartsDuringTrigger, long webhooks, long webhooksRefused) {
        Map<String, List<PipelineTruth>> byWait = new HashMap<>();
        for (PipelineTruth t : truths) {
            byWait.computeIfAbsent(String.valueOf(t.parameters().get(WaitPlan.PARAMETER)), k -> new ArrayList<>())
                    .add(t);
        }
        SoakResult.Builder result = new SoakResult.Builder(settings, simulated, real, stopped);
        ApprovalLedger ledger = new ApprovalLedger(sim.journal().entries());
        for (WaitRecord record : records) {
            List<PipelineTruth> pipelines = byWait.getOrDefault(record.plan.id(), List.of());
            result.wait(record.plan.kind(), record.restarts());
            List<ApprovalLedger.Post> refusals = judgeApprovals(record, pipelines, ledger, result);
            if (pipelines.size() > 1) {
                result.problem(SoakResult.Problem.DUPLICATE_TRIGGER, problem(record, pipelines,
                        pipelines.size() + " pipelines were created by one trigger"));
            }
            if (!record.ended()) {
                result.problem(SoakResult.Problem.DID_NOT_END, problem(record, pipelines, "the step never ended"));
                continue;
            }
            if (record.ends() > 1) {
                result.problem(SoakResult.Problem.DID_NOT_END, problem(record, pipelines, "the step ended "
                        + record.ends() + " times"));
            }
            Outcome outcome = record.outcome();
            if (outcome != null) {
                result.ending(outcome.result() + "/" + outcome.reason());
                String wrong = wrongOutcome(record, outcome, pipelines, ledger);
                if (wrong != null) {
                    result.problem(SoakResult.Problem.FALSE_OUTCOME, problem(record, pipelines, wrong));
                }
                continue;
            }
            Throwable failure = record.failure();
            ApprovalRefusedException refused = cause(failure, ApprovalRefusedException.class);
            if (refused != null) {
                // An honest ending when CircleCI refused an approval of this wait's and the gate still waited.
                result.ending("approval refused");
                String wrong = wrongRefusal(refused, refusals, pipelines);
                if (wrong != null) {
                    result.problem(SoakResult.Problem.UNEXPECTED_ERROR, problem(record, pipelines, wrong));
                }
            } else if (has(failure, TriggerOutcomeUnknownException.class) || restartedDuringTrigger(failure)) {
                result.ending("trigger outcome unknown");
                result.unknown(!pipelines.isEmpty());
            } else if (failure instanceof CircleCiUnreachableException) {
                // An honest ending: the faults kept every read of this pipeline from succeeding for the outage
                // patience (15 minutes), which a paged pipeline read in several requests meets now and then.
                result.ending("gave up: CircleCI unreachable for 15 min");
                if (pipelines.isEmpty()) {
                    result.problem(SoakResult.Problem.FALSE_OUTCOME, problem(record, pipelines,
                            "the step waited for a pipeline that does not exist"));
                }
            } else if (failure instanceof RateLimitedException) {
                // Only the trigger fails this way (a wait reschedules): the shared budget had no permit in time.
                result.ending("trigger not sent (request budget)");
                if (!pipelines.isEmpty()) {
                    result.problem(SoakResult.Problem.FALSE_OUTCOME, problem(record, pipelines,
                            "the step said nothing was sent, yet a pipeline was created"));
                }
            } else {
                result.ending("error: " + (failure == null ? "none" : failure.getClass().getSimpleName()));
                result.problem(SoakResult.Problem.UNEXPECTED_ERROR, problem(record, pipelines,
                        "the step failed: " + failure));
            }
        }
        scan.findings().forEach(f -> result.problem(SoakResult.Problem.SECRET_FOUND, "seed " + settings.seed()
                + ": " + f));
        result.faults(sim.journal().faultsAppliedByLabel());
        result.requests(sim.journal().total());
        result.restartsDuringTrigger(restartsDuringTrigger);
        result.webhooks(webhooks);
        if (webhooksRefused > 0) {
            result.problem(SoakResult.Problem.UNEXPECTED_ERROR, "seed " + settings.seed() + ": the webhook endpoint "
                    + "refused " + webhooksRefused + " of CircleCI's signed deliveries");
        }
        result.scanned(scan.scanned());
        return result.build();
    }

    /**
     * Each approval job approved at most once, and only those {@code approve} names: a second approve request that
     * reached CircleCI for one job is a duplicate approval, one for a gate not named (or from a step told to approve
     * nothing) an approval nobody asked for. Returns this wait's refused approvals.
     */
    private List<ApprovalLedger.Post> judgeApprovals(WaitRecord record, List<PipelineTruth> pipelines,
            ApprovalLedger ledger, SoakResult.Builder result) {
        List<ApprovalLedger.Post> refused = new ArrayList<>();
        long carriedOut = 0;
        for (PipelineTruth t : pipelines) {
            for (PipelineTruth.Workflow w : t.workflows()) {
                Map<String, Integer> reached = new LinkedHashMap<>();
                for (ApprovalLedger.Post post : ledger.of(w.id())) {
                    String gate = HeldWorkflows.GATES.get(w.name());
                    if (!record.plan.approve().contains(gate)) {
                        result.problem(SoakResult.Problem.UNWANTED_APPROVAL, problem(record, pipelines, "the step "
                                + "asked CircleCI to approve " + gate + " of workflow " + w.name() + " at "
                                + post.time() + ", yet approve is " + record.plan.approve()));
                    }
                    if (post.refused()) {
                        refused.add(post);
                    }
                    if (post.reached()) {
                        carriedOut++;
                        int n = reached.merge(post.requestId(), 1, Integer::sum);
                        if (n == 2) {
                            result.problem(SoakResult.Problem.DUPLICATE_APPROVAL, problem(record, pipelines,
                                    "approval job " + gate + " of workflow " + w.name() + " was approved again at "
                                            + post.time() + " (approve request " + post.requestId() + ")"));
                        }
                    }
                }
            }
        }
        result.approvals(carriedOut, refused.size());
        return refused;
    }

    /** Why a refusal the step reported is wrong, or null when CircleCI did refuse an approval of that gate. */
    private static String wrongRefusal(ApprovalRefusedException e, List<ApprovalLedger.Post> refusals,
            List<PipelineTruth> pipelines) {
        if (refusals.isEmpty()) {
            return "the step reported an approval refusal that CircleCI never made: " + e.getMessage();
        }
        for (ApprovalLedger.Post post : refusals) {
            for (PipelineTruth t : pipelines) {
                for (PipelineTruth.Workflow w : t.workflows()) {
                    if (w.id().equals(post.workflowId()) && e.getMessage().contains("job "
                            + HeldWorkflows.GATES.get(w.name()) + " of workflow " + w.name())) {
                        return null;
                    }
                }
            }
        }
        return "the refusal does not name the gate CircleCI refused: " + e.getMessage();
    }

    /**
     * The gates of the wait's counted held workflows: when each began to wait (the held workflow's creation plus the
     * jobs before its gate) and when it was first approved, by a person or by a request of the step's that reached
     * CircleCI.
     */
    static List<Oracle.Hold> holds(WaitRecord record, PipelineTruth truth, ApprovalLedger ledger) {
        List<Oracle.Hold> holds = new ArrayList<>();
        Map<String, java.time.Instant> person = record.personApproved();
        for (PipelineTruth.Workflow w : SoakRun.latest(truth).values()) {
            Duration after = record.plan.holds().get(w.name());
            boolean counted = record.plan.workflowFilter().isEmpty()
                    || record.plan.workflowFilter().contains(w.name());
            if (after == null || !counted) {
                continue;
            }
            java.time.Instant approved = person.get(w.name());
            for (ApprovalLedger.Post post : ledger.of(w.id())) {
                if (post.reached() && (approved == null || post.time().isBefore(approved))) {
                    approved = post.time();
                }
            }
            holds.add(new Oracle.Hold(w.name(), w.createdAt().plus(after), approved));
        }
        return holds;
    }

    /** Why the outcome contradicts the pipeline, or null when it agrees. */
    private static String wrongOutcome(WaitRecord record, Outcome outcome, List<PipelineTruth> pipelines,
            ApprovalLedger ledger) {
        if (pipelines.isEmpty()) {
            return "the step returned " + outcome.result() + "/" + outcome.reason() + " for a pipeline that does "
                    + "not exist";
        }
        PipelineTruth truth = pipelines.get(0);
        if (outcome.pipeline() == null || !truth.id().equals(outcome.pipeline().id())) {
            return "the outcome names pipeline " + (outcome.pipeline() == null ? null : outcome.pipeline().id())
                    + ", the trigger created " + truth.id();
        }
        String got = outcome.result() + "/" + outcome.reason();
        List<Oracle.Hold> holds = holds(record, truth, ledger);
        if ("SUCCESS".equals(String.valueOf(outcome.result())) && !record.plan.onHold().equals("succeed")) {
            for (Oracle.Hold h : holds) {
                if (h.waitingAt(record.endedAt())) {
                    return "the step returned " + got + " while workflow " + h.workflow() + " waited for approval "
                            + "(since " + h.since() + ")";
                }
            }
        }
        List<Oracle.Expected> acceptable = Oracle.acceptable(record.plan, truth, record.endedAt(), holds);
        if (acceptable.isEmpty()) {
            return "the step returned " + got + " while the pipeline has not settled: " + truth.state() + " "
                    + statuses(truth) + (holds.isEmpty() ? "" : ", gates " + holds);
        }
        Oracle.Expected expected = acceptable.stream()
                .filter(e -> e.result().equals(String.valueOf(outcome.result()))
                        && e.reason().equals(String.valueOf(outcome.reason())))
                .findFirst().orElse(null);
        if (expected == null) {
            return "expected " + acceptable.stream().map(Oracle.Expected::describe)
                    .collect(java.util.stream.Collectors.joining(" or ")) + ", the step returned "
                    + got + " (" + outcome.message() + ")" + (holds.isEmpty() ? "" : "; gates " + holds);
        }
        if (expected.reason().equals("HOLD_TIMED_OUT")) {
            // Given up like a timeout (cancelOnAbort is on): no gate is left waiting for an approval nobody awaits.
            for (PipelineTruth.Workflow w : SoakRun.latest(truth).values()) {
                if (w.status().equals("on_hold")) {
                    return "the step returned " + got + " but left workflow " + w.name() + " on hold";
                }
            }
        }
        if (!expected.workflows().isEmpty()) {
            Map<String, String> reported = new LinkedHashMap<>();
            for (WorkflowSummary w : outcome.workflows()) {
                reported.put(w.name(), w.status());
            }
            if (!reported.equals(expected.workflows())) {
                return "expected workflows " + expected.workflows() + ", the outcome lists " + reported;
            }
        }
        return null;
    }

    private static String statuses(PipelineTruth truth) {
        Map<String, String> out = new LinkedHashMap<>();
        truth.workflows().forEach(w -> out.put(w.name() + (w.autoRerunNumber() == null ? "" : "#" + w.autoRerunNumber()),
                w.status()));
        return out.toString();
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The runner's own words when a restart came while the trigger was in flight. */
    private static boolean restartedDuringTrigger(Throwable t) {
        return t != null && t.getMessage() != null && t.getMessage().contains("Jenkins restarted while the CircleCI "
                + "pipeline of") && t.getMessage().contains("not known whether CircleCI created it");
    }

    /** The case, with what is needed to replay it: the seed, the plan, the history, the pipelines and their requests. */
    private String problem(WaitRecord record, List<PipelineTruth> pipelines, String what) {
        StringBuilder b = new StringBuilder();
        b.append(settings.name()).append(", seed ").append(settings.seed()).append(", wait ").append(record.plan.id())
                .append(": ").append(what).append('\n');
        b.append("  replay: ").append(SoakMain.replayCommand(settings)).append('\n');
        b.append("  plan: ").append(SoakRun.describe(record.plan)).append('\n');
        b.append("  scenario: ").append(record.plan.project()).append('\n');
        for (PipelineTruth t : pipelines) {
            b.append("  pipeline ").append(t.id()).append(" #").append(t.number()).append(": ").append(t.state())
                    .append(' ').append(statuses(t)).append(t.complete() ? ", complete" : ", not complete")
                    .append('\n');
        }
        b.append("  history:\n");
        record.history().forEach(line -> b.append("    ").append(line).append('\n'));
        if (record.failure() != null) {
            b.append("  failure: ").append(record.failure()).append('\n');
        }
        b.append("  requests:\n");
        for (JournalEntry e : requests(record, pipelines)) {
            b.append("    ").append(e.time()).append(' ').append(e.method()).append(' ').append(e.path())
                    .append(e.query() == null ? "" : "?" + e.query()).append(" -> ").append(e.status()).append('\n');
        }
        return b.toString();
    }

    private List<JournalEntry> requests(WaitRecord record, List<PipelineTruth> pipelines) {
        List<String> keys = new ArrayList<>();
        keys.add(record.plan.slug() + "/");
        for (PipelineTruth t : pipelines) {
            keys.add(t.id());
            t.workflows().forEach(w -> keys.add(w.id()));
        }
        TreeMap<Integer, JournalEntry> out = new TreeMap<>();
        List<JournalEntry> all = sim.journal().entries();
        for (int i = 0; i < all.size(); i++) {
            JournalEntry e = all.get(i);
            if (keys.stream().anyMatch(k -> e.path().contains(k))) {
                out.put(i, e);
            }
        }
        return new ArrayList<>(out.values());
    }
}
