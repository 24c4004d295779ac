package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.WebhookTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The simulated projects the bench triggers: project {@code gh/bench/p<i>} runs one workflow {@code build} with one
 * job whose duration is scripted per project, so that pipelines do not all end in the same phase of a poll interval.
 */
public final class BenchProjects {

    /** The token every contender sends; the simulator accepts any. */
    public static final String TOKEN = "bench-token";

    /** CircleCI's pipeline spends about a second {@code pending} before its workflows run. */
    private static final Duration PENDING = Duration.ofSeconds(1);
    /** Past runs per project in its Insights history. */
    public static final int PAST_RUNS = 30;
    /** The spread of durations: two 10-second poll intervals. */
    private static final int SPREAD_MILLIS = 20_000;

    private BenchProjects() {}

    public static String slug(int index) {
        return "gh/bench/p" + index;
    }

    /**
     * Job durations for {@code count} pipelines of about {@code length} each: the length, less the pending second, plus
     * a uniform spread of two 10-second poll intervals so that completions fall at every phase of a poll.
     */
    public static List<Duration> jobDurations(Duration length, int count, long seed) {
        Random random = new Random(seed ^ length.toMillis());
        List<Duration> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(length.minus(PENDING).plusMillis(random.nextInt(SPREAD_MILLIS)));
        }
        return out;
    }

    /**
     * A project's past runs of {@code build} on {@code main}, as Insights would aggregate them: {@link #PAST_RUNS}
     * durations from the same distribution as today's pipelines of {@code length} (their workflow runs for the job's
     * duration), scaled by {@code history}; none for {@link History#ABSENT}.
     */
    static List<Duration> pastRuns(Duration length, History history, long seed) {
        if (history == History.ABSENT) {
            return List.of();
        }
        Random random = new Random(seed);
        List<Duration> out = new ArrayList<>(PAST_RUNS);
        for (int i = 0; i < PAST_RUNS; i++) {
            long millis = length.minus(PENDING).plusMillis(random.nextInt(SPREAD_MILLIS)).toMillis();
            out.add(Duration.ofMillis(Math.round(millis * history.scale())));
        }
        return out;
    }

    /** One project per duration, {@code gh/bench/p0} first, without history; {@code webhook} may be null. */
    public static Scenario scenario(List<Duration> jobDurations, WebhookTarget webhook) {
        return scenario(jobDurations, webhook, null, History.ABSENT, 0);
    }

    /**
     * One project per duration, {@code gh/bench/p0} first, each with the Insights history {@code history} of
     * pipelines of {@code length}; {@code webhook} may be null.
     */
    public static Scenario scenario(List<Duration> jobDurations, WebhookTarget webhook, Duration length,
                                    History history, long seed) {
        return scenario(jobDurations, webhook, length, history, seed, UnaryOperator.identity());
    }

    /** The same, with {@code more} added to the scenario (a rate limit). */
    static Scenario scenario(List<Duration> jobDurations, WebhookTarget webhook, Duration length, History history,
                             long seed, UnaryOperator<Scenario.Builder> more) {
        Scenario.Builder scenario = more.apply(Scenario.builder());
        for (int i = 0; i < jobDurations.size(); i++) {
            Duration d = jobDurations.get(i);
            List<Duration> past = length == null ? List.of() : pastRuns(length, history, seed * 31 + i);
            scenario.project(slug(i), p -> p.workflow("build", w -> w.job("run", d))
                    .history(h -> past.isEmpty() ? h : h.runs("build", "main", past)));
        }
        if (webhook != null) {
            scenario.webhook(webhook);
        }
        return scenario.build();
    }

    /** Every project runs one job of {@code duration}: for waits that must not end while they are measured. */
    public static Scenario uniform(Duration duration) {
        return Scenario.builder().defaultProject(p -> p.workflow("build", w -> w.job("run", duration))).build();
    }
}
