package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.model.WorkflowDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How long workflows usually take, as CircleCI Insights reports them, cached for the whole JVM: one entry per host
 * and token (a client's shared request budget stands for both), project and branch, each the answer of one request
 * for all the project's workflows. An entry is asked for again at most every {@link #FRESH_FOR} (Insights' aggregates
 * are refreshed daily anyway); a refusal (403, 404: Insights is not there, or not for this token) for
 * {@link #REFUSED_FOR}, a failure (5xx, a dropped connection) for {@link #FAILED_FOR}.
 *
 * <p>Next to Insights it keeps what this JVM's own waits saw ({@link #learn}): once a workflow has succeeded
 * {@link #LEARNED_ENOUGH} times under a wait here, its own recent runs answer for it, before Insights and where
 * Insights has nothing.
 *
 * <p>Lookups never wait for each other: the first wait that needs an entry asks CircleCI during its poll; the others
 * that need it meanwhile are told it is {@linkplain Status#PENDING pending} and poll on their adaptive schedule.
 */
final class DurationHistory {
    static final Duration FRESH_FOR = Duration.ofMinutes(5);
    static final Duration REFUSED_FOR = Duration.ofHours(1);
    static final Duration FAILED_FOR = Duration.ofMinutes(1);
    /** A lookup in flight longer than this is taken to have died with its thread; the next one asks again. */
    static final Duration LOADING_FOR = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(DurationHistory.class.getName());

    /** Past this many entries for one host and token, the expired ones are dropped (branches come and go). */
    static final int PRUNE_ABOVE = 1024;

    /** The JVM-wide cache. Entries go with their scope (the client's request budget). */
    static final DurationHistory SHARED = new DurationHistory();

    enum Status {
        /** Another wait is asking CircleCI right now. */
        PENDING,
        /** Insights has nothing to say: refused, failed, or no runs. */
        NONE,
        KNOWN
    }

    /** What a lookup found: a status, and the durations by workflow name when {@link Status#KNOWN}. */
    record Lookup(Status status, Map<String, WorkflowDuration> byWorkflow) {
        static final Lookup PENDING = new Lookup(Status.PENDING, Map.of());
        static final Lookup NONE = new Lookup(Status.NONE, Map.of());

        Lookup {
            byWorkflow = Map.copyOf(byWorkflow);
        }

        static Lookup of(List<WorkflowDuration> durations) {
            if (durations.isEmpty()) {
                return NONE;
            }
            Map<String, WorkflowDuration> byName = new LinkedHashMap<>();
            durations.forEach(d -> byName.put(d.name(), d));
            return new Lookup(Status.KNOWN, byName);
        }
    }

    private record Key(String projectSlug, String branch) {}

    /** The most recent own runs kept per workflow. */
    static final int LEARNED_RUNS = 20;
    /** Own runs of a workflow needed before they are trusted over (or instead of) Insights. */
    static final int LEARNED_ENOUGH = 3;

    /** An entry: what was found (null while loading) and until when it holds. */
    private record Entry(Lookup found, Instant until) {}

    private final Map<Object, Map<Key, Entry>> entries = new WeakHashMap<>();
    /** Durations of successful workflows this JVM's own waits saw end, newest last. Guarded by {@link #entries}. */
    private final Map<Object, Map<Key, Map<String, Deque<Duration>>>> learned = new WeakHashMap<>();

    /**
     * The durations for the project's workflows on {@code branch} (null: every branch), asking CircleCI through
     * {@code api} (on the calling thread) if no fresh answer is cached and nobody is asking already.
     */
    Lookup lookup(PipelineApi api, String projectSlug, String branch, Instant now) {
        Key key = new Key(Objects.requireNonNull(projectSlug, "projectSlug"), branch);
        synchronized (entries) {
            Entry entry = scope(api).get(key);
            if (entry != null && now.isBefore(entry.until())) {
                return withLearned(api, key, entry.found() == null ? Lookup.PENDING : entry.found());
            }
            Map<Key, Entry> scope = scope(api);
            if (scope.size() >= PRUNE_ABOVE) {
                scope.values().removeIf(e -> !now.isBefore(e.until()));
            }
            scope.put(key, new Entry(null, now.plus(LOADING_FOR)));
        }
        Lookup found;
        Duration holds;
        try {
            found = Lookup.of(api.workflowDurations(projectSlug, branch));
            holds = FRESH_FOR;
        } catch (CircleCiException e) {
            // A wait polls without durations as well as before; this only costs it the sparser polling.
            LOG.log(Level.FINE, "No workflow durations for " + projectSlug + ": " + e.getMessage());
            found = Lookup.NONE;
            holds = e.isRetryable() ? FAILED_FOR : REFUSED_FOR;
        }
        synchronized (entries) {
            scope(api).put(key, new Entry(found, now.plus(holds)));
            return withLearned(api, key, found);
        }
    }

    /**
     * Records that a workflow of the project's pipeline on {@code branch} (null: a tag, or not known) succeeded after
     * {@code took}, as a wait of this JVM saw it. Once a workflow has {@link #LEARNED_ENOUGH} such runs, lookups
     * answer its median and 95th percentile from the latest {@link #LEARNED_RUNS} of them, before Insights': those
     * runs were started by this controller, so they are recent and carry the parameters the next trigger will send
     * (Insights averages every trigger over 30 days, and a pipeline that just became faster would be expected late
     * for weeks). They also stand in for Insights where it is refused (a CircleCI server without it, a token that
     * may not read it). Lost on restart, like the rest of this cache.
     */
    void learn(PipelineApi api, String projectSlug, String branch, String workflow, Duration took) {
        if (projectSlug == null || workflow == null || took == null || took.isNegative() || took.isZero()) {
            return;
        }
        synchronized (entries) {
            Map<Key, Map<String, Deque<Duration>>> byKey = learned.computeIfAbsent(api.historyScope(),
                    s -> new LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<Key, Map<String, Deque<Duration>>> eldest) {
                            return size() > PRUNE_ABOVE;
                        }
                    });
            Deque<Duration> runs = byKey.computeIfAbsent(new Key(projectSlug, branch), k -> new HashMap<>())
                    .computeIfAbsent(workflow, w -> new ArrayDeque<>());
            runs.addLast(took);
            while (runs.size() > LEARNED_RUNS) {
                runs.removeFirst();
            }
        }
    }

    /** {@code found}, with the workflows this JVM has seen run often enough answered from those runs. */
    private Lookup withLearned(PipelineApi api, Key key, Lookup found) {
        Map<Key, Map<String, Deque<Duration>>> byKey = learned.get(api.historyScope());
        Map<String, Deque<Duration>> own = byKey == null ? null : byKey.get(key);
        if (own == null) {
            return found;
        }
        Map<String, WorkflowDuration> merged = new LinkedHashMap<>(found.byWorkflow());
        own.forEach((name, runs) -> {
            if (runs.size() >= LEARNED_ENOUGH) {
                merged.put(name, fromRuns(name, runs));
            }
        });
        return merged.isEmpty() ? found : new Lookup(Status.KNOWN, merged);
    }

    /** The median and nearest-rank 95th percentile of {@code runs}. */
    static WorkflowDuration fromRuns(String name, Collection<Duration> runs) {
        List<Duration> sorted = runs.stream().sorted().toList();
        int n = sorted.size();
        Duration median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        Duration p95 = sorted.get((int) Math.ceil(0.95 * n) - 1);
        return new WorkflowDuration(name, median, p95);
    }

    /** How many entries the cache holds for this host and token. */
    int size(PipelineApi api) {
        synchronized (entries) {
            return scope(api).size();
        }
    }

    private Map<Key, Entry> scope(PipelineApi api) {
        return entries.computeIfAbsent(api.historyScope(), s -> new HashMap<>());
    }
}
