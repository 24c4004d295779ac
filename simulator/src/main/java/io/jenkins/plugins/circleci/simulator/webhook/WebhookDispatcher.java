package io.jenkins.plugins.circleci.simulator.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.circleci.simulator.http.Bodies;
import io.jenkins.plugins.circleci.simulator.model.JobView;
import io.jenkins.plugins.circleci.simulator.model.PipelineView;
import io.jenkins.plugins.circleci.simulator.model.SimPipeline;
import io.jenkins.plugins.circleci.simulator.model.Simulation;
import io.jenkins.plugins.circleci.simulator.model.Statuses;
import io.jenkins.plugins.circleci.simulator.model.WorkflowView;
import io.jenkins.plugins.circleci.simulator.scenario.WebhookTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends outbound webhooks when workflows and jobs reach a terminal state.
 *
 * <p>It notices completions by looking at pipelines on the simulator's clock (it never sleeps on that clock, which
 * other tests share): either a real-time daemon thread calls {@link #deliverDue()} every few milliseconds, or a test
 * calls it directly. A receiver that does not answer 2xx gets the event again later, with exponential real-time
 * backoff, at most {@code maxAttempts} times.
 */
public final class WebhookDispatcher {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Simulation sim;
    private final WebhookPayloads payloads;
    private final List<WebhookTarget> targets = new CopyOnWriteArrayList<>();
    /** Pipelines that may still produce events. Finished ones leave it, until a rerun brings them back. */
    /** In the order the pipelines were triggered, so that the same seed sends the same events in the same order. */
    private final Set<SimPipeline> watched = new ConcurrentSkipListSet<>(
            Comparator.comparing(SimPipeline::createdAt).thenComparing(p -> p.id().toString()));
    /** Keys of the events already queued, per pipeline. */
    private final Map<SimPipeline, Set<String>> sent = new ConcurrentHashMap<>();
    private final List<Delivery> queue = new ArrayList<>();
    private final List<WebhookAttempt> attempts = new CopyOnWriteArrayList<>();
    private final Duration backoff;
    private final int maxAttempts;
    private Instant lastScanAt;
    private long lastScanVersion;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static final class Delivery {
        final WebhookTarget target;
        final String eventType;
        final String eventId;
        final byte[] body;
        int attempt;
        long nextAttemptNanos;

        Delivery(WebhookTarget target, String eventType, String eventId, byte[] body) {
            this.target = target;
            this.eventType = eventType;
            this.eventId = eventId;
            this.body = body;
        }
    }

    public WebhookDispatcher(Simulation sim, Bodies bodies, List<WebhookTarget> initialTargets, Duration backoff,
                             int maxAttempts) {
        this.sim = sim;
        this.payloads = new WebhookPayloads(bodies);
        this.targets.addAll(initialTargets);
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        sim.onPipelineChange(this::watch);
    }

    /** Adds a receiver; pipelines triggered before it was added are watched too. */
    public synchronized void addTarget(WebhookTarget target) {
        targets.add(target);
        sim.allPipelines().forEach(this::watch);
        lastScanAt = null;
    }

    public boolean hasTargets() {
        return !targets.isEmpty();
    }

    /** Starts (or resumes) watching a pipeline for completions. */
    public void watch(SimPipeline pipeline) {
        if (hasTargets()) {
            watched.add(pipeline);
        }
    }

    public List<WebhookAttempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Finds completions up to the simulator's now, then sends every delivery that is due. */
    public synchronized void deliverDue() {
        if (targets.isEmpty()) {
            return;
        }
        Instant now = sim.now();
        // Nothing can have completed if neither the clock nor a client action moved since the last look: with a
        // ManualClock at rest, polling costs nothing however many pipelines are watched.
        if (!now.equals(lastScanAt) || sim.version() != lastScanVersion) {
            lastScanVersion = sim.version();
            lastScanAt = now;
            scan(now);
        }
        sendDue();
    }

    private void scan(Instant now) {
        for (SimPipeline pipeline : List.copyOf(watched)) {
            long additions = pipeline.additions();
            collect(pipeline, sent.computeIfAbsent(pipeline, p -> ConcurrentHashMap.newKeySet()), now);
            // A rerun racing with this look bumps additions() before it re-watches: keep watching then.
            if (pipeline.completedAt(now).isPresent() && pipeline.additions() == additions) {
                watched.remove(pipeline);
                if (pipeline.additions() != additions) {
                    watched.add(pipeline);
                }
            }
        }
    }

    private void sendDue() {
        long nowNanos = System.nanoTime();
        for (Iterator<Delivery> it = queue.iterator(); it.hasNext(); ) {
            Delivery d = it.next();
            if (d.nextAttemptNanos - nowNanos > 0) {
                continue;
            }
            d.attempt++;
            int status = send(d);
            attempts.add(new WebhookAttempt(d.target.url(), d.eventType, d.eventId, d.attempt, status));
            if (status >= 200 && status < 300 || d.attempt >= maxAttempts) {
                it.remove();
            } else {
                d.nextAttemptNanos = System.nanoTime() + backoff.multipliedBy(1L << (d.attempt - 1)).toNanos();
            }
        }
    }

    private void collect(SimPipeline pipeline, Set<String> alreadySent, Instant now) {
        PipelineView view = pipeline.view(now);
        record Event(Instant at, String key, String type, WorkflowView w, JobView j) {
        }
        List<Event> events = new ArrayList<>();
        for (WorkflowView w : view.workflows()) {
            for (JobView j : w.jobs()) {
                if (!j.job().approval() && Statuses.WEBHOOK_JOB.contains(j.status()) && j.stoppedAt() != null) {
                    events.add(new Event(j.stoppedAt(), "job:" + j.job().id(), "job-completed", w, j));
                }
            }
            if (Statuses.WEBHOOK_WORKFLOW.contains(w.status())) {
                events.add(new Event(w.stoppedAt(), "workflow:" + w.workflow().id(), "workflow-completed", w, null));
            }
        }
        events.sort(Comparator.comparing(Event::at));
        for (Event event : events) {
            if (!alreadySent.add(event.key())) {
                continue;
            }
            for (WebhookTarget target : targets) {
                if (!target.wants(event.type(), pipeline.project().slug())) {
                    continue;
                }
                String eventId = sim.ids().uuid().toString();
                ObjectNode payload = event.j() == null
                        ? payloads.workflowCompleted(java.util.UUID.fromString(eventId), target, event.w())
                        : payloads.jobCompleted(java.util.UUID.fromString(eventId), target, event.w(), event.j());
                try {
                    queue.add(new Delivery(target, event.type(), eventId, MAPPER.writeValueAsBytes(payload)));
                } catch (IOException e) {
                    throw new IllegalStateException("a tree always serializes", e);
                }
            }
        }
    }

    private int send(Delivery d) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(d.target.url()))
                .timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json")
                .header("user-agent", "CircleCI-Webhook/1.0")
                .header("circleci-event-type", d.eventType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body));
        if (d.target.secret() != null) {
            request.header("circleci-signature", WebhookSignature.header(d.target.secret(), d.body));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
