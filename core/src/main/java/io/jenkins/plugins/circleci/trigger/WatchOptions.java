package io.jenkins.plugins.circleci.trigger;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a wait behaves. Immutable and serializable (it is saved with a Jenkins step's state). Defaults: every workflow
 * counts, on_hold waits, 24 h overall timeout, cancel on abort, the default {@link ResultMapping}, polls from 2 s
 * growing to 10 s.
 */
public final class WatchOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<String> workflows;
    private final OnHoldPolicy onHold;
    private final Duration timeout;
    private final boolean cancelOnAbort;
    private final ResultMapping resultMapping;
    private final Duration minPollInterval;
    private final Duration maxPollInterval;
    private final Duration noWorkflowsGrace;
    private final Duration continuationGrace;
    private final Duration autoRerunGrace;
    private final Duration outagePatience;
    /** Null in options saved before this option existed; {@link #abortSweep()} then gives the default. */
    private final Duration abortSweep;
    /** Null in options saved before this option existed: on. */
    private final Boolean durationAware;
    /** Null in options saved before these options existed; the getters then give the defaults. */
    private final WaitFor waitFor;
    private final TimeoutPolicy onTimeout;
    /** Null when none, and in options saved before it existed: a hold is bounded only by {@link #timeout()}. */
    private final Duration holdTimeout;
    /** Null in options saved before it existed: approve nothing. */
    private final LinkedHashSet<String> approve;

    private WatchOptions(Builder b) {
        this.workflows = Collections.unmodifiableSet(new LinkedHashSet<>(b.workflows));
        this.onHold = b.onHold;
        this.timeout = b.timeout;
        this.cancelOnAbort = b.cancelOnAbort;
        this.resultMapping = b.resultMapping;
        this.minPollInterval = b.minPollInterval;
        this.maxPollInterval = b.maxPollInterval;
        this.noWorkflowsGrace = b.noWorkflowsGrace;
        this.continuationGrace = b.continuationGrace;
        this.autoRerunGrace = b.autoRerunGrace;
        this.outagePatience = b.outagePatience;
        this.abortSweep = b.abortSweep;
        this.durationAware = b.durationAware;
        this.waitFor = b.waitFor;
        this.onTimeout = b.onTimeout;
        this.holdTimeout = b.holdTimeout;
        this.approve = new LinkedHashSet<>(b.approve);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static WatchOptions defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.workflows.addAll(workflows);
        b.onHold = onHold;
        b.timeout = timeout;
        b.cancelOnAbort = cancelOnAbort;
        b.resultMapping = resultMapping;
        b.minPollInterval = minPollInterval;
        b.maxPollInterval = maxPollInterval;
        b.noWorkflowsGrace = noWorkflowsGrace;
        b.continuationGrace = continuationGrace;
        b.autoRerunGrace = autoRerunGrace;
        b.outagePatience = outagePatience;
        b.abortSweep = abortSweep();
        b.durationAware = durationAware();
        b.waitFor = waitFor();
        b.onTimeout = onTimeout();
        b.holdTimeout = holdTimeout;
        b.approve.addAll(approve());
        return b;
    }

    /** Names of the workflows that count; empty means all of them. */
    public Set<String> workflows() {
        return workflows;
    }

    public boolean counts(String workflowName) {
        return workflows.isEmpty() || workflows.contains(workflowName);
    }

    public OnHoldPolicy onHold() {
        return onHold;
    }

    /** The overall bound on the wait. */
    public Duration timeout() {
        return timeout;
    }

    public boolean cancelOnAbort() {
        return cancelOnAbort;
    }

    public ResultMapping resultMapping() {
        return resultMapping;
    }

    public Duration minPollInterval() {
        return minPollInterval;
    }

    public Duration maxPollInterval() {
        return maxPollInterval;
    }

    /** How long a created pipeline may show no workflows before the wait ends as NOT_BUILT. */
    public Duration noWorkflowsGrace() {
        return noWorkflowsGrace;
    }

    /** How long a finished setup workflow may wait for its continuation to appear. */
    public Duration continuationGrace() {
        return continuationGrace;
    }

    /** How long a failed workflow with automatic reruns left may wait for its rerun to appear. */
    public Duration autoRerunGrace() {
        return autoRerunGrace;
    }

    /** How long CircleCI may stay unreachable (5xx, dropped connections, 429s) before the wait gives up with an error. */
    public Duration outagePatience() {
        return outagePatience;
    }

    /**
     * How long an abort or a timeout with {@link #cancelOnAbort()} keeps looking at the pipeline to cancel the
     * workflows that start after it (a pipeline still being set up, a continuation, an automatic rerun).
     */
    public Duration abortSweep() {
        return abortSweep == null ? Builder.DEFAULT_ABORT_SWEEP : abortSweep;
    }

    /**
     * Whether polls follow how long the pipeline's workflows usually take (CircleCI Insights): sparse while the end
     * is far, dense around it, the adaptive schedule once it is late or when there is no history. Default on.
     */
    public boolean durationAware() {
        return durationAware == null || durationAware;
    }

    /** How far to follow the pipeline before returning; {@link WaitFor#COMPLETED} by default. */
    public WaitFor waitFor() {
        return waitFor == null ? WaitFor.COMPLETED : waitFor;
    }

    /** What the result becomes when {@link #timeout()} passes; {@link TimeoutPolicy#FAIL} by default. */
    public TimeoutPolicy onTimeout() {
        return onTimeout == null ? TimeoutPolicy.FAIL : onTimeout;
    }

    /**
     * With {@link OnHoldPolicy#WAIT}: how long a counted workflow may wait for approval, from when this wait first saw
     * it on hold; then the wait ends as FAILURE ({@link OutcomeReason#HOLD_TIMED_OUT}). Empty: only {@link #timeout()}
     * bounds it.
     */
    public Optional<Duration> holdTimeout() {
        return Optional.ofNullable(holdTimeout);
    }

    /**
     * Names of approval jobs this wait approves itself as soon as it sees them on hold in a counted workflow; empty
     * by default.
     */
    public Set<String> approve() {
        return approve == null ? Set.of() : Collections.unmodifiableSet(approve);
    }

    @Override
    public String toString() {
        return "WatchOptions[workflows=" + workflows + ", onHold=" + onHold + ", timeout=" + timeout
                + ", cancelOnAbort=" + cancelOnAbort + ", poll=" + minPollInterval + ".." + maxPollInterval
                + ", waitFor=" + waitFor().text() + ", onTimeout=" + onTimeout().text()
                + (holdTimeout == null ? "" : ", holdTimeout=" + holdTimeout)
                + (approve().isEmpty() ? "" : ", approve=" + approve()) + "]";
    }

    public static final class Builder {
        private static final Duration DEFAULT_ABORT_SWEEP = Duration.ofMinutes(2);

        private final Set<String> workflows = new LinkedHashSet<>();
        private OnHoldPolicy onHold = OnHoldPolicy.WAIT;
        private Duration timeout = Duration.ofHours(24);
        private boolean cancelOnAbort = true;
        private ResultMapping resultMapping = ResultMapping.defaults();
        private Duration minPollInterval = Duration.ofSeconds(2);
        private Duration maxPollInterval = Duration.ofSeconds(10);
        /**
         * {@code created} means CircleCI has created the pipeline's workflows (its docs' state machine), and the
         * simulator, built from them, lists them from that instant: a created pipeline that lists none has none, as
         * when branch filters or {@code when} exclude them all. The grace only rides out a list that lags the
         * pipeline's state by a moment (two requests, possibly two services), for three more looks at the quick
         * start's pace; docs/engine.md gives the reasoning.
         */
        private Duration noWorkflowsGrace = Duration.ofSeconds(10);
        private Duration continuationGrace = Duration.ofMinutes(10);
        private Duration autoRerunGrace = Duration.ofMinutes(5);
        private Duration outagePatience = Duration.ofMinutes(15);
        private Duration abortSweep = DEFAULT_ABORT_SWEEP;
        private boolean durationAware = true;
        private WaitFor waitFor = WaitFor.COMPLETED;
        private TimeoutPolicy onTimeout = TimeoutPolicy.FAIL;
        private Duration holdTimeout;
        private final Set<String> approve = new LinkedHashSet<>();

        private Builder() {}

        public Builder workflows(Iterable<String> names) {
            workflows.clear();
            if (names != null) {
                for (String n : names) {
                    if (n != null && !n.isBlank()) {
                        workflows.add(n.trim());
                    }
                }
            }
            return this;
        }

        public Builder onHold(OnHoldPolicy policy) {
            this.onHold = Objects.requireNonNull(policy, "onHold");
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        public Builder cancelOnAbort(boolean cancelOnAbort) {
            this.cancelOnAbort = cancelOnAbort;
            return this;
        }

        public Builder resultMapping(ResultMapping mapping) {
            this.resultMapping = Objects.requireNonNull(mapping, "resultMapping");
            return this;
        }

        public Builder pollInterval(Duration min, Duration max) {
            this.minPollInterval = positive(min, "minimum poll interval");
            this.maxPollInterval = positive(max, "maximum poll interval");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("The maximum poll interval (" + max
                        + ") is shorter than the minimum (" + min + ").");
            }
            return this;
        }

        public Builder noWorkflowsGrace(Duration d) {
            this.noWorkflowsGrace = positive(d, "no-workflows grace period");
            return this;
        }

        public Builder continuationGrace(Duration d) {
            this.continuationGrace = positive(d, "continuation grace period");
            return this;
        }

        public Builder autoRerunGrace(Duration d) {
            this.autoRerunGrace = positive(d, "automatic rerun grace period");
            return this;
        }

        public Builder outagePatience(Duration d) {
            this.outagePatience = positive(d, "outage patience");
            return this;
        }

        public Builder abortSweep(Duration d) {
            this.abortSweep = positive(d, "abort sweep");
            return this;
        }

        /** Whether polls follow the workflows' usual durations (see {@link WatchOptions#durationAware()}). */
        public Builder durationAware(boolean on) {
            this.durationAware = on;
            return this;
        }

        public Builder waitFor(WaitFor until) {
            this.waitFor = Objects.requireNonNull(until, "waitFor");
            return this;
        }

        public Builder onTimeout(TimeoutPolicy policy) {
            this.onTimeout = Objects.requireNonNull(policy, "onTimeout");
            return this;
        }

        /** See {@link WatchOptions#holdTimeout()}; null for none. Only with {@link OnHoldPolicy#WAIT}. */
        public Builder holdTimeout(Duration d) {
            this.holdTimeout = d == null ? null : positive(d, "hold timeout");
            return this;
        }

        /** See {@link WatchOptions#approve()}; blank names are dropped, the rest trimmed. */
        public Builder approve(Iterable<String> jobNames) {
            approve.clear();
            if (jobNames != null) {
                for (String n : jobNames) {
                    if (n != null && !n.isBlank()) {
                        approve.add(n.trim());
                    }
                }
            }
            return this;
        }

        /** @throws IllegalArgumentException for a hold timeout with an on-hold policy other than wait */
        public WatchOptions build() {
            if (holdTimeout != null && onHold != OnHoldPolicy.WAIT) {
                throw new IllegalArgumentException("A hold timeout bounds how long the wait keeps waiting for an "
                        + "approval, so it needs the on-hold policy wait, not " + onHold.name().toLowerCase(Locale.ROOT)
                        + ": drop the hold timeout or keep the default policy wait.");
            }
            return new WatchOptions(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("The " + what + " must be positive, was " + d + ".");
            }
            return d;
        }
    }
}
