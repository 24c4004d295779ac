package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.simulator.PipelineTruth;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.steps.RestartableStep;
import io.jenkins.plugins.circleci.trigger.Outcome;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One soak: the simulator with every wait's project and the seeded faults, a {@link VirtualTime} shared by the
 * simulator and the steps, and each wait run as the plugin's step ({@link RestartableStep}) from its start, through
 * its restarts, to its end. Then every wait is judged ({@link Verdicts}).
 */
final class SoakRun {
    /** Simulated time after the last start by which every wait must have ended: the longest timeout and then some. */
    private static final Duration HORIZON = Duration.ofHours(3);
    private static final Duration MIN_POLL = Duration.ofSeconds(2);
    private static final Duration MAX_POLL = Duration.ofSeconds(10);
    /** CircleCI refuses every this many approvals the steps send. */
    static final int APPROVAL_REFUSED_EVERY = 4;

    private final SoakSettings settings;
    private final String token;
    private final String webhookSecret;
    private final SecretScan scan;

    /** Put in every client's chain after the controller's own: only tests use it, to break the product on purpose. */
    private final Interceptor sabotage;

    SoakRun(SoakSettings settings) {
        this(settings, null);
    }

    /** A run whose clients also pass every request through {@code sabotage}: a test proves the soak notices. */
    SoakRun(SoakSettings settings, Interceptor sabotage) {
        this.settings = settings;
        this.sabotage = sabotage;
        byte[] bytes = new byte[16];
        new Random(settings.seed() ^ 0x5eed).nextBytes(bytes);
        // Shaped like a CircleCI personal token, and unlike anything else that could appear by chance.
        this.token = "CCIPAT_soak" + HexFormat.of().formatHex(bytes);
        new Random(settings.seed() ^ 0x0b0e).nextBytes(bytes);
        this.webhookSecret = "whsec_soak" + HexFormat.of().formatHex(bytes);
        this.scan = new SecretScan(token, webhookSecret);
    }

    SoakResult run() throws InterruptedException {
        long realStart = System.nanoTime();
        List<WaitPlan> plans = new Plans(settings).draw();
        List<WaitRecord> records = new ArrayList<>();
        Scenario.Builder scenario = Scenario.builder().validTokens(token).onlyDeclaredProjects();
        plans.forEach(p -> scenario.project(p.slug(), p.project()));
        // The controller's webhook endpoint: every job and workflow that completes nudges the waits on it.
        WebhookEndpoint endpoint = new WebhookEndpoint(webhookSecret, id -> nudge(records, id), scan);
        scenario.webhook(endpoint.url(), webhookSecret);
        // CircleCI refuses every few approvals the steps send (as for a user without the right to approve): each such
        // step must fail naming the gate. First, so that it wins over the other faults on the requests it hits.
        scenario.fault(FaultRule.status(403).on("POST", "/approve/").every(APPROVAL_REFUSED_EVERY));
        List<FaultRule> faults = FaultMix.of(settings.faultRate(), settings.slowFaults());
        faults.forEach(scenario::fault);
        ManualClock clock = new ManualClock(Instant.parse("2026-01-05T09:00:00Z"));
        VirtualTime time = new VirtualTime(clock, settings.slots());
        String stopped = null;
        scan.startLogs();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock).scenario(scenario.build())
                .seed(settings.seed()).pageSize(2).journalCapacity(Math.max(20_000, settings.waits() * 150))
                .webhookPollInterval(null).threads(16).start()) {
            Instant start = clock.instant();
            Context context = new Context(sim, time, clock, start);
            for (WaitPlan plan : plans) {
                WaitRecord record = new WaitRecord(plan, start);
                records.add(record);
                schedule(time, plan.startAt(), () -> {
                    context.startWait(record);
                    context.armRestart(record, 0);
                });
                if (plan.approveAfter() != null) {
                    schedule(time, plan.startAt().plus(plan.approveAfter()), () -> context.approve(record));
                }
                if (plan.approveAfterHold() != null) {
                    Duration firstDue = plan.holds().values().stream().min(Duration::compareTo).orElseThrow()
                            .plus(plan.approveAfterHold());
                    schedule(time, plan.startAt().plus(firstDue), () -> context.approveGates(record));
                }
                if (plan.rerunAfter() != null) {
                    schedule(time, plan.startAt().plus(plan.rerunAfter()), () -> context.rerunFailed(record));
                }
            }
            // CircleCI sends its webhooks as things complete: looked for every 5 simulated seconds.
            time.scheduleAtFixedRate(time.guarded(sim::deliverDueWebhooks), 5, 5, TimeUnit.SECONDS);
            Instant horizon = start.plus(settings.startWindow()).plus(HORIZON);
            try {
                time.runUntil(() -> records.stream().allMatch(WaitRecord::ended), horizon, Duration.ofSeconds(60));
            } catch (TimeoutException | VirtualTime.LostWaitsException e) {
                stopped = e.getMessage();
            }
            Duration simulated = Duration.between(start, clock.instant());
            List<PipelineTruth> truths = sim.truths();
            return new Verdicts(settings, scan, sim).judge(records, truths, stopped, simulated,
                    Duration.ofNanos(System.nanoTime() - realStart), context.restartsDuringTrigger.get(),
                    endpoint.delivered(), endpoint.refused());
        } finally {
            scan.stopLogs();
            time.shutdownNow();
            endpoint.close();
        }
    }

    /** Nudges the waits whose controller is up on this pipeline or workflow, as the plugin's endpoint does. */
    private static int nudge(List<WaitRecord> records, String id) {
        int nudged = 0;
        for (WaitRecord record : records) {
            RestartableStep step = record.step();
            if (step != null && !record.ended()) {
                nudged += step.nudge(id);
            }
        }
        return nudged;
    }

    private static void schedule(VirtualTime time, Duration after, Runnable task) {
        time.schedule(time.guarded(task), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What the waits share: the simulator, time, one HTTP connection pool and one request budget (one token). */
    private final class Context implements RestartableStep.Host {
        private final CircleCiSimulator sim;
        private final VirtualTime time;
        private final ManualClock clock;
        private final Instant start;
        private final OkHttpClient http = new OkHttpClient.Builder().build();
        private final RequestBudget budget;
        private final Map<RestartableStep.Life, WaitRecord> byLife = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicInteger restartsDuringTrigger = new AtomicInteger();
        /** Shared by every watcher: with one slot, draws come in a seeded order. */
        private final RandomGenerator jitter = new SharedRandom(settings.seed() * 7919);

        Context(CircleCiSimulator sim, VirtualTime time, ManualClock clock, Instant start) {
            this.sim = sim;
            this.time = time;
            this.clock = clock;
            this.start = start;
            this.budget = RequestBudget.create(new RateLimit(200, 400), clock);
        }

        void startWait(WaitRecord record) {
            RestartableStep step = new RestartableStep(record.plan.options(), sim.baseUrl(), MIN_POLL, MAX_POLL,
                    new Bound(record));
            record.step(step);
            record.note(clock.instant(), 1, "step started: " + describe(record.plan));
            step.start();
        }

        /** Schedules the {@code i}th restart of the wait, from now (one during the trigger waits for the trigger). */
        void armRestart(WaitRecord record, int i) {
            List<WaitPlan.Restart> restarts = record.plan.restarts();
            if (i < restarts.size() && !restarts.get(i).duringTrigger()) {
                schedule(time, restarts.get(i).at(), () -> restart(record, i));
            }
        }

        /** A controller restart: down now, the step saved as planned, back after the downtime. */
        void restart(WaitRecord record, int i) {
            WaitPlan.Restart r = record.plan.restarts().get(i);
            byte[] saved;
            RestartableStep step;
            synchronized (record) {
                step = record.step();
                if (step == null || record.ended() || record.down()) {
                    return; // not started yet, over, or its controller is down already
                }
                RestartableStep.Life dying = step.kill();
                saved = r.crash() ? record.lastSaved() : step.snapshot();
                record.restarted();
                record.note(clock.instant(), dying.number(), "controller down: " + r.describe());
            }
            scan.bytes("the state a restart resumes from", saved);
            schedule(time, r.downtime(), () -> {
                record.note(clock.instant(), 0, "controller back: resuming the step");
                synchronized (record) {
                    record.up();
                    step.resume(saved);
                }
                armRestart(record, i + 1);
            });
        }

        /** A person approves what is on hold, or looks again a minute later. */
        void approve(WaitRecord record) {
            if (record.ended()) {
                return;
            }
            for (PipelineTruth truth : sim.truths()) {
                if (record.plan.id().equals(truth.parameters().get(WaitPlan.PARAMETER))) {
                    int approved = sim.approveHeld(truth.id());
                    if (approved > 0) {
                        record.note(clock.instant(), 0, "a person approved " + approved + " job(s) in CircleCI");
                        return;
                    }
                    if (truth.complete()) {
                        return;
                    }
                }
            }
            schedule(time, Duration.ofMinutes(1), () -> approve(record));
        }

        /**
         * A person approves each gate {@link WaitPlan#approveAfterHold()} after it began to wait (all gates on hold
         * then at once, as the app's pipeline page allows), or looks again when the next one is due.
         */
        void approveGates(WaitRecord record) {
            if (record.ended()) {
                return;
            }
            PipelineTruth truth = pipelineOf(record);
            if (truth == null) {
                schedule(time, Duration.ofSeconds(30), () -> approveGates(record));
                return;
            }
            Instant now = clock.instant();
            Instant next = null;
            List<String> held = new ArrayList<>();
            boolean due = false;
            for (PipelineTruth.Workflow w : latest(truth).values()) {
                Duration holdsAfter = record.plan.holds().get(w.name());
                if (holdsAfter == null || record.personApproved().containsKey(w.name())) {
                    continue;
                }
                Instant at = w.createdAt().plus(holdsAfter).plus(record.plan.approveAfterHold());
                if (w.status().equals("on_hold")) {
                    held.add(w.name());
                    due |= !at.isAfter(now);
                }
                if (at.isAfter(now) && (next == null || at.isBefore(next))) {
                    next = at;
                }
            }
            if (due && sim.approveHeld(truth.id()) > 0) {
                held.forEach(name -> record.personApproved(name, now));
                record.note(now, 0, "a person approved the gates of " + held + " in CircleCI");
            }
            if (truth.complete()) {
                return;
            }
            Duration wait = next == null ? Duration.ofSeconds(30) : Duration.between(now, next);
            schedule(time, wait, () -> approveGates(record));
        }

        /** The wait's pipeline as it is now, or null while its trigger has created none. */
        private PipelineTruth pipelineOf(WaitRecord record) {
            if (record.pipelineId() == null) {
                for (PipelineTruth truth : sim.truths()) {
                    if (record.plan.id().equals(truth.parameters().get(WaitPlan.PARAMETER))) {
                        record.pipelineId(truth.id());
                        return truth;
                    }
                }
                return null;
            }
            return sim.truth(record.pipelineId()).orElse(null);
        }

        /** A person reruns the failed workflow {@code quick}, or looks again 30 seconds later. */
        void rerunFailed(WaitRecord record) {
            for (PipelineTruth truth : sim.truths()) {
                if (record.plan.id().equals(truth.parameters().get(WaitPlan.PARAMETER))) {
                    PipelineTruth.Workflow quick = null;
                    for (PipelineTruth.Workflow w : truth.workflows()) {
                        if (w.name().equals("quick")) {
                            quick = w;
                        }
                    }
                    if (quick != null && quick.status().equals("failed")) {
                        String id = sim.rerun(quick.id()).orElseThrow();
                        record.note(clock.instant(), 0, "a person reran workflow quick in CircleCI: " + id);
                        return;
                    }
                }
            }
            if (!record.ended()) {
                schedule(time, Duration.ofSeconds(30), () -> rerunFailed(record));
            }
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return time;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public RandomGenerator random() {
            return jitter;
        }

        @Override
        public CircleCiClient client(String serverUrl, RestartableStep.Life life) {
            WaitRecord record = byLife.get(life);
            OkHttpClient.Builder lifeBuilder = http.newBuilder().addInterceptor(chain -> {
                if (life.over()) {
                    throw new IOException("this controller is down");
                }
                Request request = chain.request();
                Response response = chain.proceed(request);
                if (isTrigger(request) && life.number() == 1 && restartsDuringTrigger(record)) {
                    // CircleCI has answered; the controller goes down before the answer is read.
                    response.close();
                    throw new IOException("the controller went down while the trigger's answer was on its way");
                }
                return response;
            });
            if (sabotage != null) {
                lifeBuilder.addInterceptor(sabotage);
            }
            OkHttpClient lifeHttp = lifeBuilder.build();
            CircleCiClient client = CircleCiClient.builder().baseUrl(serverUrl).token(token).clock(clock)
                    .sleeper(time.sleeper()).budget(budget).connectTimeout(SoakSettings.READ_TIMEOUT)
                    .readTimeout(SoakSettings.READ_TIMEOUT).httpClient(lifeHttp).build();
            scan.object("the client", client);
            return client;
        }

        private boolean restartsDuringTrigger(WaitRecord record) {
            List<WaitPlan.Restart> restarts = record.plan.restarts();
            if (restarts.isEmpty() || !restarts.get(0).duringTrigger()) {
                return false;
            }
            restartsDuringTrigger.incrementAndGet();
            restart(record, 0);
            return true;
        }

        private static boolean isTrigger(Request request) {
            return request.method().equals("POST") && request.url().encodedPath().endsWith("/pipeline");
        }

        @Override
        public void line(RestartableStep.Life life, String line) {
            scan.text("a console line", line);
            record(life).note(clock.instant(), life.number(), line);
        }

        @Override
        public void saved(RestartableStep.Life life, byte[] state) {
            scan.bytes("a saved step state", state);
            WaitRecord record = record(life);
            synchronized (record) {
                if (!life.over()) {
                    record.saved(state);
                }
            }
        }

        @Override
        public void finished(RestartableStep.Life life, Outcome outcome, Map<String, Object> returned,
                Throwable failure) {
            scan.object("an outcome", outcome);
            scan.object("a step's return value", returned);
            scan.exception("the failure a step raised for its outcome", failure);
            WaitRecord record = record(life);
            synchronized (record) {
                if (life.over()) {
                    return;
                }
                record.finished(clock.instant(), outcome, returned, failure);
                record.note(clock.instant(), life.number(), "step returned " + outcome.result() + "/"
                        + outcome.reason() + ": " + outcome.message());
            }
        }

        @Override
        public void failed(RestartableStep.Life life, Throwable error, Throwable shown) {
            scan.exception("a step's failure", error);
            scan.exception("a step's failure as Jenkins shows it", shown);
            WaitRecord record = record(life);
            synchronized (record) {
                if (life.over()) {
                    return;
                }
                record.failed(clock.instant(), error);
                record.note(clock.instant(), life.number(), "step failed: " + error);
            }
        }

        /** The record of a life; a life is first seen when the step saves or builds a client in it. */
        private WaitRecord record(RestartableStep.Life life) {
            WaitRecord record = byLife.get(life);
            if (record == null) {
                throw new IllegalStateException("a life no wait knows of");
            }
            return record;
        }

        /** Binds a step's callbacks to its record, so that each life can be traced to its wait. */
        private final class Bound implements RestartableStep.Host {
            private final WaitRecord record;

            Bound(WaitRecord record) {
                this.record = record;
            }

            private RestartableStep.Life known(RestartableStep.Life life) {
                byLife.putIfAbsent(life, record);
                return life;
            }

            @Override
            public ScheduledExecutorService scheduler() {
                return time;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public RandomGenerator random() {
                return jitter;
            }

            @Override
            public CircleCiClient client(String serverUrl, RestartableStep.Life life) {
                return Context.this.client(serverUrl, known(life));
            }

            @Override
            public void line(RestartableStep.Life life, String line) {
                Context.this.line(known(life), line);
            }

            @Override
            public void saved(RestartableStep.Life life, byte[] state) {
                Context.this.saved(known(life), state);
            }

            @Override
            public void finished(RestartableStep.Life life, Outcome outcome, Map<String, Object> returned,
                    Throwable failure) {
                Context.this.finished(known(life), outcome, returned, failure);
            }

            @Override
            public void failed(RestartableStep.Life life, Throwable error, Throwable shown) {
                Context.this.failed(known(life), error, shown);
            }
        }
    }

    /** The newest run of each workflow name. */
    static Map<String, PipelineTruth.Workflow> latest(PipelineTruth truth) {
        Map<String, PipelineTruth.Workflow> latest = new LinkedHashMap<>();
        for (PipelineTruth.Workflow w : truth.workflows()) {
            latest.remove(w.name());
            latest.put(w.name(), w);
        }
        return latest;
    }

    static String describe(WaitPlan plan) {
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("kind", plan.kind());
        asked.put("project", plan.slug());
        asked.put("timeout", plan.options().timeout());
        if (!plan.workflowFilter().isEmpty()) {
            asked.put("workflows", plan.workflowFilter());
        }
        if (plan.options().onHold() != null) {
            asked.put("onHold", plan.onHold());
        }
        if (!plan.mappingOverrides().isEmpty()) {
            asked.put("resultMapping", plan.mappingOverrides());
        }
        if (plan.approveAfter() != null) {
            asked.put("approved after", Texts.duration(plan.approveAfter()));
        }
        if (!plan.approve().isEmpty()) {
            asked.put("approve", plan.approve());
        }
        if (plan.holdTimeout() != null) {
            asked.put("holdTimeout", plan.options().holdTimeout());
        }
        if (plan.approveAfterHold() != null) {
            asked.put("a person approves each gate after it waits", Texts.duration(plan.approveAfterHold()));
        }
        if (plan.rerunAfter() != null) {
            asked.put("rerun by a person after", Texts.duration(plan.rerunAfter()));
        }
        if (!plan.restarts().isEmpty()) {
            asked.put("restarts", plan.restarts().stream().map(WaitPlan.Restart::describe).toList());
        }
        return asked.toString();
    }
}
