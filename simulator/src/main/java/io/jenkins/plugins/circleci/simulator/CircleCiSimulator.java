package io.jenkins.plugins.circleci.simulator;

import io.jenkins.plugins.circleci.simulator.http.ApiServer;
import io.jenkins.plugins.circleci.simulator.http.Bodies;
import io.jenkins.plugins.circleci.simulator.journal.Journal;
import io.jenkins.plugins.circleci.simulator.model.JobView;
import io.jenkins.plugins.circleci.simulator.model.PipelineView;
import io.jenkins.plugins.circleci.simulator.model.SimPipeline;
import io.jenkins.plugins.circleci.simulator.model.Simulation;
import io.jenkins.plugins.circleci.simulator.model.WorkflowView;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.WebhookTarget;
import io.jenkins.plugins.circleci.simulator.webhook.WebhookAttempt;
import io.jenkins.plugins.circleci.simulator.webhook.WebhookDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A CircleCI API v2 stand-in, in-process or standalone.
 *
 * <pre>{@code
 * try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock).scenario(scenario).start()) {
 *     client.baseUrl(sim.baseUrl());            // the API is at sim.apiUrl() = baseUrl + "/api/v2"
 *     ...
 *     clock.advance(Duration.ofMinutes(5));
 *     assertThat(sim.journal().count("GET", "/pipeline/[^/]+/workflow")).isLessThan(20);
 * }
 * }</pre>
 *
 * <p>Every state is computed from the clock when asked, so a {@link ManualClock} runs hours of scenario in
 * milliseconds; the simulator never sleeps on its clock.
 */
public final class CircleCiSimulator implements AutoCloseable {

    private final Simulation simulation;
    private final Journal journal;
    private final ApiServer server;
    private final WebhookDispatcher webhooks;
    private final Thread webhookPoller;

    private CircleCiSimulator(Builder b) throws IOException {
        this.simulation = new Simulation(b.scenario, b.clock, b.seed);
        this.journal = new Journal(b.journalCapacity);
        this.server = new ApiServer(b.bindAddress, b.port, b.threads, simulation, journal, b.seed);
        Bodies bodies = new Bodies(server.baseUrl());
        this.webhooks = new WebhookDispatcher(simulation, bodies, b.scenario.webhooks(), b.webhookRetryBackoff,
                b.webhookMaxAttempts);
        server.start(bodies, b.pageSize);
        if (b.webhookPollInterval != null) {
            this.webhookPoller = new Thread(() -> pollWebhooks(b.webhookPollInterval), "circleci-simulator-webhooks");
            webhookPoller.setDaemon(true);
            webhookPoller.start();
        } else {
            this.webhookPoller = null;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}, without {@code /api/v2}: what clients take as their server URL. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /**
     * The simulated artifact storage that artifact URLs redirect to: the same address on another port, so another
     * origin, to which a client must not carry the token.
     */
    public String storageBaseUrl() {
        return server.storageBaseUrl();
    }

    /** {@code baseUrl() + "/api/v2"}. */
    public String apiUrl() {
        return server.baseUrl() + "/api/v2";
    }

    public int port() {
        return server.port();
    }

    public Journal journal() {
        return journal;
    }

    /**
     * The simulator-clock instant at which the pipeline's last workflow became terminal (or it errored, or was created
     * with no workflow); empty while anything is still running or due (a continuation, an automatic rerun), or if the
     * id is unknown.
     */
    public Optional<Instant> completedAt(String pipelineId) {
        return pipeline(pipelineId).flatMap(p -> p.completedAt(simulation.now()));
    }

    /** How many requests concerned this pipeline (itself, its workflows, their jobs), trigger included. */
    public long requestCount(String pipelineId) {
        return pipeline(pipelineId).map(SimPipeline::requestCount).orElse(0L);
    }

    /** What the pipeline is now, read from the model (not through the API); empty for an unknown id. */
    public Optional<PipelineTruth> truth(String pipelineId) {
        return pipeline(pipelineId).map(p -> truthOf(p, simulation.now()));
    }

    /**
     * The refs the pipeline was triggered with: for {@code pipeline/run} its {@code config} and {@code checkout} refs
     * as sent (each null when absent); all null for the legacy endpoint, which has one ref. What it builds, and
     * shows in {@code vcs}, is {@link PipelineTruth#branch()}: the checkout ref, else the config ref, else the
     * default branch.
     */
    public Optional<TriggerRefs> triggerRefs(String pipelineId) {
        return pipeline(pipelineId).map(p -> TriggerRefs.of(p.trigger()));
    }

    /** {@link #truth} of every pipeline triggered so far, in no particular order. */
    public List<PipelineTruth> truths() {
        Instant now = simulation.now();
        return simulation.allPipelines().stream().map(p -> truthOf(p, now)).toList();
    }

    /**
     * Approves, as a person in the CircleCI app would, every approval job of the pipeline that is on hold now.
     *
     * @return how many jobs were approved
     */
    public int approveHeld(String pipelineId) {
        int approved = 0;
        Optional<SimPipeline> pipeline = pipeline(pipelineId);
        if (pipeline.isEmpty()) {
            return 0;
        }
        for (WorkflowView w : pipeline.get().view(simulation.now()).workflows()) {
            for (JobView job : w.jobs()) {
                if (job.job().approval() && "on_hold".equals(job.status())
                        && simulation.approve(w.workflow(), job.job().id())) {
                    approved++;
                }
            }
        }
        return approved;
    }

    /**
     * Reruns a finished workflow, as a person does in the CircleCI app (the API's {@code POST /workflow/{id}/rerun}):
     * a new workflow of the same name appears in the pipeline now.
     *
     * @return the new workflow's id; empty if the workflow is unknown or has not finished
     */
    public Optional<String> rerun(String workflowId) {
        try {
            return simulation.workflow(UUID.fromString(workflowId)).flatMap(simulation::rerun)
                    .map(w -> w.id().toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static PipelineTruth truthOf(SimPipeline p, Instant now) {
        PipelineView view = p.view(now);
        List<PipelineTruth.Workflow> workflows = view.workflows().stream()
                .sorted(Comparator.comparing(WorkflowView::createdAt))
                .map(w -> {
                    Map<String, String> jobs = new LinkedHashMap<>();
                    w.jobs().forEach(j -> jobs.put(j.job().name(), j.status()));
                    return new PipelineTruth.Workflow(w.workflow().id().toString(), w.workflow().name(), w.status(),
                            w.workflow().setup(), w.workflow().autoRerunNumber(), w.createdAt(), w.stoppedAt(), jobs);
                })
                .toList();
        List<String> errors = "errored".equals(view.state())
                ? p.scenario().errors().stream().map(e -> e.message()).toList() : List.of();
        return new PipelineTruth(p.id().toString(), p.number(), p.project().slug(), p.trigger().branch(),
                p.trigger().parameters(), p.createdAt(), view.state(), errors, workflows,
                p.completedAt(now).orElse(null));
    }

    /** Ids of every pipeline triggered so far. */
    public List<String> pipelineIds() {
        return simulation.allPipelines().stream().map(p -> p.id().toString()).toList();
    }

    /** Adds an outbound webhook at run time. */
    public void addWebhook(WebhookTarget target) {
        webhooks.addTarget(target);
    }

    /** Finds completed workflows/jobs up to the clock's now and sends the webhooks that are due (also done by a poller). */
    public void deliverDueWebhooks() {
        webhooks.deliverDue();
    }

    /** Every webhook delivery attempt so far. */
    public List<WebhookAttempt> webhookAttempts() {
        return webhooks.attempts();
    }

    public Instant now() {
        return simulation.now();
    }

    private Optional<SimPipeline> pipeline(String id) {
        try {
            return simulation.pipeline(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void pollWebhooks(Duration interval) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                webhooks.deliverDue();
                Thread.sleep(interval.toMillis()); // real time: the simulator clock is never slept on
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // keep polling: one bad delivery must not stop the others
            }
        }
    }

    @Override
    public void close() {
        if (webhookPoller != null) {
            webhookPoller.interrupt();
        }
        server.close();
    }

    /** Configures and starts a simulator. */
    public static final class Builder {
        private int port;
        private String bindAddress = "127.0.0.1";
        private Clock clock = Clock.systemUTC();
        private Scenario scenario = Scenario.defaults();
        private long seed = 42L;
        private int pageSize = 20;
        private int journalCapacity = 10_000;
        private int threads = 32;
        private Duration webhookPollInterval = Duration.ofMillis(20);
        private Duration webhookRetryBackoff = Duration.ofSeconds(1);
        private int webhookMaxAttempts = 5;

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Loopback by default; {@code 0.0.0.0} to be reachable from elsewhere. */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder scenario(Scenario scenario) {
            this.scenario = Objects.requireNonNull(scenario);
            return this;
        }

        /** Seeds ids and random faults, so a run can be repeated. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Items per page of every list (CircleCI uses 20-ish; a small size forces many pages). */
        public Builder pageSize(int size) {
            this.pageSize = size;
            return this;
        }

        /** Journal entries kept (oldest dropped); 0 keeps none. Counters stay exact either way. */
        public Builder journalCapacity(int capacity) {
            this.journalCapacity = capacity;
            return this;
        }

        /** HTTP worker threads. */
        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        /** Real-time interval of the webhook poller; {@code null} = none (call {@link #deliverDueWebhooks()}). */
        public Builder webhookPollInterval(Duration interval) {
            this.webhookPollInterval = interval;
            return this;
        }

        /** First retry delay after a failed webhook delivery (doubles each time), in real time. */
        public Builder webhookRetryBackoff(Duration backoff) {
            this.webhookRetryBackoff = Objects.requireNonNull(backoff);
            return this;
        }

        public Builder webhookMaxAttempts(int attempts) {
            this.webhookMaxAttempts = attempts;
            return this;
        }

        public CircleCiSimulator start() {
            try {
                return new CircleCiSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the CircleCI simulator on " + bindAddress + ":" + port, e);
            }
        }
    }
}
