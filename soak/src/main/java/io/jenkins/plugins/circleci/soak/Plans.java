package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.ProjectScenario;
import io.jenkins.plugins.circleci.simulator.scenario.WorkflowSpec;
import io.jenkins.plugins.circleci.steps.RestartableStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws the waits of a soak from its seed: every kind of pipeline the simulator can run (green, red, paged, rerun by
 * itself, setup with a late continuation, errored, empty, held for approval under each on-hold policy, queued, stopped
 * with a forced status, filtered, slow to be created, longer than the timeout, rerun by a person while another
 * workflow runs), the step's options, and the restarts.
 *
 * <p>Automatic reruns come before the engine's 5-minute rerun grace and continuations before its 10-minute
 * continuation grace: later ones are, by design, not waited for, and the outcome would then rightly differ from the
 * pipeline's final state. A pace below 1 shortens every job and delay alike (never the timeout case, whose job must
 * outlast the step's timeout), so that stays true.
 */
final class Plans {
    static final String TIMEOUT = "2h";
    private static final String[] KINDS = {"green", "green", "red", "paged", "rerun", "rerun", "setup",
        "setup-failed", "errored", "empty", "approval-wait", "approval-fail", "approval-succeed", "approval-unstable",
        "hold-timeout", "approve", "approve", "queued", "forced", "filtered", "unstable", "slow-setup", "timeout",
        "manual-rerun"};
    /** Approval gates the step is told to approve: real ones, one that no workflow has, both. */
    private static final List<List<String>> APPROVE = List.of(List.of(HeldWorkflows.GATE),
            List.of(HeldWorkflows.GATE, HeldWorkflows.SECOND_GATE), List.of(HeldWorkflows.GATE, "no-such-gate"),
            List.of("no-such-gate"), List.of(HeldWorkflows.SECOND_GATE));
    private static final String[] ON_HOLD = {"wait", "wait", "fail", "succeed", "unstable"};
    private static final String[] FAILING_JOBS = {"failed", "infrastructure_fail", "timedout", "terminated-unknown"};
    private static final String[] FORCED = {"error", "canceled", "unauthorized", "not_run", "failed"};

    private final Random random;
    private final SoakSettings settings;
    private final String[] kinds;

    Plans(SoakSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        for (String k : settings.kinds()) {
            if (!List.of(KINDS).contains(k)) {
                throw new IllegalArgumentException("'" + k + "' is not a kind of pipeline the soak knows; use one of "
                        + new java.util.TreeSet<>(List.of(KINDS)));
            }
        }
        this.kinds = settings.kinds().isEmpty() ? KINDS : settings.kinds().toArray(String[]::new);
    }

    List<WaitPlan> draw() {
        List<WaitPlan> plans = new ArrayList<>();
        for (int i = 0; i < settings.waits(); i++) {
            plans.add(plan(i));
        }
        return plans;
    }

    private WaitPlan plan(int index) {
        String id = String.format("w%05d", index);
        String kind = kinds[random.nextInt(kinds.length)];
        String slug = "gh/soak/" + id;
        ProjectScenario.Builder p = ProjectScenario.builder();
        List<String> filter = List.of();
        String onHold = null;
        Map<String, Object> mapping = Map.of();
        Duration approveAfter = null;
        Duration rerunAfter = null;
        String timeout = TIMEOUT;
        Map<String, Duration> holds = Map.of();
        Duration approveAfterHold = null;
        Duration holdTimeout = null;
        List<String> approve = List.of();
        switch (kind) {
            case "green" -> workflows(p, 1 + random.nextInt(3), false);
            case "red", "unstable" -> {
                workflows(p, 1 + random.nextInt(3), true);
                if (kind.equals("unstable")) {
                    mapping = Map.of("failed", "UNSTABLE");
                }
            }
            case "paged" -> workflows(p, 5 + random.nextInt(3), random.nextBoolean());
            case "rerun" -> {
                int reruns = 1 + random.nextInt(3);
                String[] outcomes = new String[reruns];
                for (int i = 0; i < reruns; i++) {
                    outcomes[i] = random.nextBoolean() ? "success" : "failed";
                }
                p.workflow(new WorkflowSpec.Builder("flaky").job("test", jobLength(), "failed").maxAutoReruns(reruns)
                        .autoRerunOutcomes(outcomes).autoRerunDelay(seconds(5, 290)).build());
                if (random.nextBoolean()) {
                    workflows(p, 1, false);
                }
            }
            case "setup", "setup-failed" -> {
                p.setupWorkflow("setup", w -> w.job("generate", seconds(5, 90),
                        kind.equals("setup") ? "success" : "failed"));
                p.continuationAfter(seconds(2, 590));
                workflows(p, 1 + random.nextInt(3), random.nextInt(3) == 0);
            }
            case "errored" -> p.step("pending", seconds(1, 60)).errored(random.nextBoolean() ? "config" : "plan",
                    "Config does not conform to schema");
            case "empty" -> p.noWorkflows();
            case "approval-wait", "approval-fail", "approval-succeed" -> {
                p.workflow(new WorkflowSpec.Builder("build").job("compile", jobLength()).build());
                p.workflow(new WorkflowSpec.Builder("deploy").job("package", seconds(5, 120)).approval("hold")
                        .job("ship", seconds(5, 120), random.nextInt(4) == 0 ? "failed" : "success").build());
                onHold = kind.substring("approval-".length());
                if (onHold.equals("wait")) {
                    approveAfter = seconds(1, 900);
                }
            }
            case "approval-unstable" -> {
                // The other workflow sometimes fails before the gate is seen: UNSTABLE, or the worse FAILURE.
                holds = HeldWorkflows.add(p, this::seconds, random, random.nextBoolean(), random.nextInt(3) == 0);
                onHold = "unstable";
            }
            case "hold-timeout" -> {
                holds = HeldWorkflows.add(p, this::seconds, random, random.nextInt(3) == 0, random.nextInt(4) == 0);
                onHold = random.nextBoolean() ? null : "wait";
                holdTimeout = seconds(180, 600);
                // In time (well before the hold timeout), too late (well after it: the gate was canceled), or never.
                // The step's timeout (2h) is far beyond either.
                approveAfterHold = switch (random.nextInt(3)) {
                    case 0 -> Duration.ofMillis((long) (holdTimeout.toMillis() * (0.05 + random.nextDouble() * 0.45)));
                    case 1 -> holdTimeout.plus(Oracle.HOLD_TIMEOUT_SLACK).plus(seconds(60, 600));
                    default -> null;
                };
                if (random.nextInt(3) == 0) {
                    approve = List.of("no-such-gate");
                }
            }
            case "approve" -> {
                boolean second = random.nextBoolean();
                holds = HeldWorkflows.add(p, this::seconds, random, second, random.nextInt(4) == 0);
                approve = APPROVE.get(random.nextInt(APPROVE.size()));
                onHold = ON_HOLD[random.nextInt(ON_HOLD.length)];
                if (onHold.equals("wait")) {
                    // Gates the step does not approve: a person does, in time, or the hold timeout ends the wait.
                    if (random.nextBoolean()) {
                        approveAfterHold = seconds(5, 240);
                    } else {
                        holdTimeout = seconds(120, 480);
                    }
                }
            }
            case "queued" -> p.workflow(new WorkflowSpec.Builder("serial").status("queued", seconds(10, 300))
                    .job("deploy", jobLength(), random.nextInt(3) == 0 ? "failed" : "success").build());
            case "forced" -> {
                p.workflow(new WorkflowSpec.Builder("odd").status(FORCED[random.nextInt(FORCED.length)]).build());
                workflows(p, 1, false);
            }
            case "filtered" -> {
                p.workflow(new WorkflowSpec.Builder("wanted").job("test", jobLength()).build());
                p.workflow(new WorkflowSpec.Builder("ignored").job("lint", jobLength(), "failed").build());
                filter = List.of("wanted");
            }
            case "slow-setup" -> {
                p.step("setup-pending", seconds(10, 120)).step("setup", seconds(10, 120))
                        .step("pending", seconds(10, 180));
                workflows(p, 1 + random.nextInt(2), random.nextInt(3) == 0);
            }
            case "manual-rerun" -> {
                // The rerun comes while "long" still runs, so every wait must see it before it can end.
                p.workflow(new WorkflowSpec.Builder("quick").job("test", seconds(10, 60), "failed").build());
                p.workflow(new WorkflowSpec.Builder("long").job("deploy", seconds(600, 1200),
                        random.nextInt(3) == 0 ? "failed" : "success").build());
                rerunAfter = seconds(70, 480);
            }
            case "timeout" -> {
                p.workflow(new WorkflowSpec.Builder("marathon").job("soak", Duration.ofHours(3)).build());
                timeout = "1h";
            }
            default -> throw new IllegalStateException(kind);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(WaitPlan.PARAMETER, id);
        RestartableStep.Options options = new RestartableStep.Options(slug, "main", parameters, timeout, filter,
                onHold, mapping, holdTimeout == null ? null : holdTimeout.toSeconds() + "s", approve);
        if (holdTimeout != null) {
            holdTimeout = Duration.ofSeconds(holdTimeout.toSeconds()); // as written in the step's option
        }
        Duration startAt = Duration.ofMillis((long) (random.nextDouble() * settings.startWindow().toMillis()));
        return new WaitPlan(index, id, kind, slug, p.build(), options, startAt, approveAfter, rerunAfter,
                restarts(), kind.equals("timeout"), holds, approveAfterHold, holdTimeout);
    }

    private List<WaitPlan.Restart> restarts() {
        if (random.nextDouble() >= settings.restartShare()) {
            return List.of();
        }
        List<WaitPlan.Restart> restarts = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            boolean duringTrigger = i == 0 && random.nextInt(4) == 0;
            Duration at = duringTrigger ? Duration.ZERO : seconds(0, 480);
            restarts.add(new WaitPlan.Restart(at, duringTrigger, random.nextBoolean(), seconds(0, 300)));
        }
        return restarts;
    }

    /** {@code count} workflows of one to three jobs; with {@code failing}, one job of one of them fails. */
    private void workflows(ProjectScenario.Builder p, int count, boolean failing) {
        int failingWorkflow = failing ? random.nextInt(count) : -1;
        for (int w = 0; w < count; w++) {
            WorkflowSpec.Builder wf = new WorkflowSpec.Builder("wf" + (w + 1));
            int jobs = 1 + random.nextInt(3);
            int failingJob = w == failingWorkflow ? random.nextInt(jobs) : -1;
            for (int j = 0; j < jobs; j++) {
                String outcome = j == failingJob ? FAILING_JOBS[random.nextInt(FAILING_JOBS.length)] : "success";
                JobSpec job = JobSpec.build("job" + (j + 1), jobLength(), outcome);
                // Some jobs run beside the first one rather than after the previous one.
                wf.job(j > 1 && random.nextBoolean() ? job.withRequires(List.of("job1")) : job);
            }
            p.workflow(wf.build());
        }
    }

    private Duration jobLength() {
        return seconds(3, 480);
    }

    /** Between {@code min} and {@code max} seconds, at the soak's pace (which keeps every delay below its grace). */
    Duration seconds(int min, int max) {
        double millis = min * 1000.0 + random.nextDouble() * (max - min) * 1000;
        return Duration.ofMillis(Math.max(1, (long) (millis * settings.pace())));
    }
}
