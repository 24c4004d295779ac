package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import io.jenkins.plugins.circleci.api.error.TriggerOutcomeUnknownException;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.PipelineTruth;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
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
        for (WaitRecord record : records) {
            List<PipelineTruth> pipelines = byWait.getOrDefault(record.plan.id(), List.of());
            result.wait(record.plan.kind(), record.restarts());
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
                String wrong = wrongOutcome(record, outcome, pipelines);
                if (wrong != null) {
                    result.problem(SoakResult.Problem.FALSE_OUTCOME, problem(record, pipelines, wrong));
                }
                continue;
            }
            Throwable failure = record.failure();
            if (has(failure, TriggerOutcomeUnknownException.class) || restartedDuringTrigger(failure)) {
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

    /** Why the outcome contradicts the pipeline, or null when it agrees. */
    private static String wrongOutcome(WaitRecord record, Outcome outcome, List<PipelineTruth> pipelines) {
        if (pipelines.isEmpty()) {
            return "the step returned " + outcome.result() + "/" + outcome.reason() + " for a pipeline that does "
                    + "not exist";
        }
        PipelineTruth truth = pipelines.get(0);
        if (outcome.pipeline() == null || !truth.id().equals(outcome.pipeline().id())) {
            return "the outcome names pipeline " + (outcome.pipeline() == null ? null : outcome.pipeline().id())
                    + ", the trigger created " + truth.id();
        }
        Oracle.Expected expected = Oracle.expect(record.plan, truth);
        String got = outcome.result() + "/" + outcome.reason();
        if (expected == null) {
            return "the step returned " + got + " while the pipeline has not settled: " + truth.state() + " "
                    + statuses(truth);
        }
        if (!expected.result().equals(String.valueOf(outcome.result()))
                || !expected.reason().equals(String.valueOf(outcome.reason()))) {
            return "expected " + expected.describe() + ", the step returned " + got + " (" + outcome.message() + ")";
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
