package io.jenkins.plugins.circleci.api;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The request budget for one CircleCI host and token, shared by every caller in the JVM: a token bucket, plus a
 * pause that a 429 imposes on all callers until its {@code Retry-After} has passed.
 *
 * <p>Blocking callers use {@link #acquire(Duration)}; the watcher, which must not hold threads, asks
 * {@link #timeUntilAvailable()} and reschedules itself instead.
 *
 * <p>The JVM-wide registry holds budgets weakly: a budget lives as long as some client uses it, so the registry
 * does not grow with every token ever seen. The first caller for a host and token fixes its rate and clock.
 */
public final class RequestBudget {
    private static final Map<String, WeakReference<RequestBudget>> SHARED = new HashMap<>();

    private final RateLimit limit;
    private final Clock clock;
    private double permits;
    private Instant refilledAt;
    private Instant pausedUntil;

    private RequestBudget(RateLimit limit, Clock clock) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.permits = limit.burst();
        this.refilledAt = clock.instant();
    }

    /** The JVM-wide budget for this host and token. The token is only used through a one-way hash. */
    public static RequestBudget forHost(String host, String token, RateLimit limit, Clock clock) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        String key = host.toLowerCase(Locale.ROOT) + " " + sha256(token);
        synchronized (SHARED) {
            SHARED.values().removeIf(ref -> ref.get() == null);
            WeakReference<RequestBudget> existing = SHARED.get(key);
            RequestBudget budget = existing == null ? null : existing.get();
            if (budget == null) {
                budget = new RequestBudget(limit, clock);
                SHARED.put(key, new WeakReference<>(budget));
            }
            return budget;
        }
    }

    /** A budget of its own, shared with nobody: for tests and for callers that manage sharing themselves. */
    public static RequestBudget create(RateLimit limit, Clock clock) {
        return new RequestBudget(limit, clock);
    }

    /** The rate this budget enforces. */
    public RateLimit limit() {
        return limit;
    }

    /** Takes a permit if one is free and the host is not paused. */
    public synchronized boolean tryAcquire() {
        Instant now = refill();
        if (isPaused(now) || permits < 1) {
            return false;
        }
        permits -= 1;
        return true;
    }

    /** Zero when a permit is free and the host is not paused; otherwise how long until one is. Takes nothing. */
    public synchronized Duration timeUntilAvailable() {
        Instant now = refill();
        Duration pause = isPaused(now) ? Duration.between(now, pausedUntil) : Duration.ZERO;
        Duration refill = permits >= 1 ? Duration.ZERO
                : Duration.ofNanos((long) Math.ceil((1 - permits) / limit.permitsPerSecond() * 1e9));
        return pause.compareTo(refill) >= 0 ? pause : refill;
    }

    /**
     * Blocks until a permit is taken, for at most {@code maxWait} of real time. Returns at once (false) when the
     * budget says the wait would be longer than what is left of {@code maxWait}.
     *
     * @return whether a permit was taken
     */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Duration wait;
            synchronized (this) {
                if (tryAcquire()) {
                    return true;
                }
                wait = timeUntilAvailable();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || wait.toNanos() > left) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(wait.toNanos(), TimeUnit.MILLISECONDS.toNanos(1)));
        }
    }

    /** Pauses every caller of this budget until {@code until} (after a 429). Never shortens an existing pause. */
    public synchronized void pauseUntil(Instant until) {
        Objects.requireNonNull(until, "until");
        if (pausedUntil == null || until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    public synchronized Optional<Instant> pausedUntil() {
        return isPaused(clock.instant()) ? Optional.of(pausedUntil) : Optional.empty();
    }

    @Override
    public String toString() {
        return "RequestBudget[" + limit.permitsPerSecond() + "/s, burst " + limit.burst() + "]";
    }

    private boolean isPaused(Instant now) {
        return pausedUntil != null && now.isBefore(pausedUntil);
    }

    /** Adds the permits earned since the last refill; a clock that went backwards earns nothing. */
    private Instant refill() {
        Instant now = clock.instant();
        if (now.isAfter(refilledAt)) {
            // Seconds as a double without a Duration: this runs before every request.
            double elapsed = (now.getEpochSecond() - refilledAt.getEpochSecond())
                    + (now.getNano() - refilledAt.getNano()) / 1e9;
            double earned = elapsed * limit.permitsPerSecond();
            permits = Math.min(limit.burst(), permits + earned);
            refilledAt = now;
        }
        return now;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM provides SHA-256", e);
        }
    }
}
