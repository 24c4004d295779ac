package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.failure.FailureLimits;
import io.jenkins.plugins.circleci.trigger.DurationText;
import io.jenkins.plugins.circleci.trigger.OnHoldPolicy;
import io.jenkins.plugins.circleci.trigger.ResultMapping;
import io.jenkins.plugins.circleci.trigger.TimeoutPolicy;
import io.jenkins.plugins.circleci.trigger.WaitFor;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** How to wait: shared by {@code run} and {@code wait}; turned into core's {@link WatchOptions}. */
final class WaitingOptions {

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationOption.class,
            description = "Give up waiting after DURATION, e.g. 90s, 30m, 2h or 1h30m (exit 3). Default: 24h.")
    Duration timeout;

    @Option(names = "--workflow", paramLabel = "NAME",
            description = "Count only this workflow (repeatable). Default: every workflow of the pipeline.")
    List<String> workflows = new ArrayList<>();

    @Option(names = "--on-hold", paramLabel = "wait|fail|succeed|unstable", converter = OnHoldOption.class,
            description = "When a workflow waits for approval: keep waiting (default), fail (exit 1), count it as a "
                    + "success so far, or stop waiting as UNSTABLE (exit 6; nothing is canceled, the workflow keeps "
                    + "waiting in CircleCI).")
    OnHoldPolicy onHold = OnHoldPolicy.WAIT;

    @Option(names = "--hold-timeout", paramLabel = "DURATION", converter = DurationOption.class,
            description = "With --on-hold wait: fail (exit 1) once a workflow has waited for approval longer than "
                    + "DURATION, counted from when this wait first saw it on hold; its pipeline's workflows are then "
                    + "canceled unless --no-cancel-on-abort. Default: only --timeout bounds a hold.")
    Duration holdTimeout;

    @Option(names = "--approve", paramLabel = "JOB",
            description = "Approve the approval job JOB, as the token's user, as soon as a counted workflow waits "
                    + "for it (repeatable). A name that never appears is not an error; a refused approval is (exit 1).")
    List<String> approve = new ArrayList<>();

    /** The command this mixin is part of: for errors about combinations of options. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--result", paramLabel = "STATUS=RESULT", converter = ResultOption.class,
            description = "Map a final CircleCI status onto a result, e.g. failed=UNSTABLE (exit 6) or "
                    + "canceled=FAILURE (repeatable). Results: SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED.")
    List<String> results = new ArrayList<>();

    @Option(names = "--no-cancel-on-abort",
            description = "On SIGINT/SIGTERM, leave the running workflows running instead of canceling them.")
    boolean noCancelOnAbort;

    @Option(names = "--wait-for", paramLabel = "created|workflows|completed", converter = WaitForOption.class,
            description = "Return once the pipeline is created, once its workflows exist (with their ids and links), "
                    + "or when they are done (default). An early return judges nothing: exit 0, result null.")
    WaitFor waitFor;

    @Option(names = "--on-timeout", paramLabel = "fail|unstable|abort", converter = TimeoutOption.class,
            description = "What the result becomes when --timeout passes: FAILURE (default, exit 3), UNSTABLE "
                    + "(exit 6) or ABORTED (exit 4).")
    TimeoutPolicy onTimeout;

    @Option(names = "--log-tail", paramLabel = "N", converter = LogTailOption.class,
            description = "When a job fails, also show the last N lines (0 to 1000) of its failing step's output. "
                    + "Default: 0, none.")
    int logTail;

    @Option(names = "--artifacts",
            description = "Once the wait ends, list the artifacts of the counted workflows' finished jobs (stderr; "
                    + "with --json, as \"artifacts\"). Bounded: at most 50 jobs and 1000 artifacts. Default: off.")
    boolean artifacts;

    WatchOptions toWatchOptions(UnaryOperator<WatchOptions.Builder> tuning) {
        WatchOptions.Builder builder = WatchOptions.builder().workflows(workflows).onHold(onHold)
                .cancelOnAbort(!noCancelOnAbort).resultMapping(ResultMapping.defaults().withOverrideTexts(results));
        if (timeout != null) {
            builder.timeout(timeout);
        }
        if (waitFor != null) {
            builder.waitFor(waitFor);
        }
        if (onTimeout != null) {
            builder.onTimeout(onTimeout);
        }
        if (holdTimeout != null && onHold != OnHoldPolicy.WAIT) {
            String policy = onHold.name().toLowerCase(Locale.ROOT);
            String message = "--hold-timeout bounds how long the wait keeps waiting for an approval, so it needs "
                    + "--on-hold wait, not --on-hold " + policy + ": give one of them.";
            if (mixee == null) {
                throw new IllegalArgumentException(message);
            }
            throw new ParameterException(mixee.commandLine(), message);
        }
        builder.holdTimeout(holdTimeout).approve(approve);
        return tuning.apply(builder).build();
    }

    /** How much is read to say why a pipeline failed. */
    FailureLimits failureLimits() {
        return FailureLimits.defaults().withLogTail(logTail);
    }

    static final class WaitForOption implements ITypeConverter<WaitFor> {
        @Override
        public WaitFor convert(String value) {
            try {
                return WaitFor.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class TimeoutOption implements ITypeConverter<TimeoutPolicy> {
        @Override
        public TimeoutPolicy convert(String value) {
            try {
                return TimeoutPolicy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class LogTailOption implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int lines = Integer.parseInt(value.trim());
                FailureLimits.defaults().withLogTail(lines);
                return lines;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("--log-tail takes a number of lines (0 to "
                        + FailureLimits.MAX_LOG_TAIL + "), not '" + value + "'.");
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("--log-tail: " + e.getMessage());
            }
        }
    }

    static final class DurationOption implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return DurationText.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class OnHoldOption implements ITypeConverter<OnHoldPolicy> {
        @Override
        public OnHoldPolicy convert(String value) {
            try {
                return OnHoldPolicy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Checks one {@code --result} as core will apply it, so a bad one is refused while parsing. */
    static final class ResultOption implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                ResultMapping.defaults().withOverrideTexts(List.of(value));
                return value;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
