package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.WebhookTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulated projects the bench triggers: project {@code gh/bench/p<i>} runs one workflow {@code build} with one
 * job whose duration is scripted per project, so that pipelines do not all end in the same phase of a poll interval.
 */
public final class BenchProjects {

    /** The token every contender sends; the simulator accepts any. */
    public static final String TOKEN = "bench-token";

    /** CircleCI's pipeline spends about a second {@code pending} before its workflows run. */
    private static final Duration PENDING = Duration.ofSeconds(1);

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
            out.add(length.minus(PENDING).plusMillis(random.nextInt(20_000)));
        }
        return out;
    }

    /** One project per duration, {@code gh/bench/p0} first; {@code webhook} may be null. */
    public static Scenario scenario(List<Duration> jobDurations, WebhookTarget webhook) {
        Scenario.Builder scenario = Scenario.builder();
        for (int i = 0; i < jobDurations.size(); i++) {
            Duration d = jobDurations.get(i);
            scenario.project(slug(i), p -> p.workflow("build", w -> w.job("run", d)));
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
