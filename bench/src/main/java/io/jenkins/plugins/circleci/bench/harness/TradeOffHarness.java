package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How requests and detection latency trade against each other for a wait that knows nothing about when its pipeline
 * will end: our engine without history, on several poll schedules, each on several draws of the pipelines, every
 * draw side by side with the baseline on the same pipelines (so that a draw's ratios carry no difference between
 * draws). One draw cannot tell a schedule that sits on the line from one that is past it: the baseline's own median
 * moves by several percent from one draw of 180 pipelines to the next.
 */
public final class TradeOffHarness {

    /**
     * A poll schedule: the engine's minimum and maximum interval (each pause is shortened by up to a fifth at random,
     * as always).
     *
     * @param name how the report names it
     */
    public record Schedule(String name, Duration min, Duration max) {

        public static Schedule adaptive(int minSeconds, int maxSeconds, String note) {
            return new Schedule("adaptive " + minSeconds + "–" + maxSeconds + " s" + note,
                    Duration.ofSeconds(minSeconds), Duration.ofSeconds(maxSeconds));
        }

        public static Schedule fixed(int seconds) {
            return new Schedule("every " + seconds + " s", Duration.ofSeconds(seconds), Duration.ofSeconds(seconds));
        }

        Contender contender() {
            WatchOptions defaults = WatchOptions.defaults();
            WatchOptions options = min.equals(defaults.minPollInterval()) && max.equals(defaults.maxPollInterval())
                    ? defaults : WatchOptions.builder().pollInterval(min, max).build();
            return Contender.engine("ours, no history, " + name, options, History.ABSENT);
        }
    }

    /** The schedules the report shows: the default, slower adaptive ones, and fixed ones around 10 s. */
    public static List<Schedule> schedules() {
        WatchOptions d = WatchOptions.defaults();
        return List.of(Schedule.adaptive((int) d.minPollInterval().toSeconds(), (int) d.maxPollInterval().toSeconds(),
                        " (default)"), Schedule.adaptive(2, 12, ""), Schedule.adaptive(2, 14, ""), Schedule.fixed(10),
                Schedule.fixed(11), Schedule.fixed(12));
    }

    private final List<Long> seeds;

    /** @param seeds one per draw; the first is the seed of the main polling figures */
    public TradeOffHarness(List<Long> seeds) {
        this.seeds = List.copyOf(seeds);
    }

    public List<TradeOffFigures> run(List<Schedule> schedules, Duration length, int pipelines) throws Exception {
        List<PollingFigures> baselines = new ArrayList<>();
        for (long seed : seeds) {
            baselines.add(new PollingHarness(seed).run(Contender.baseline(), length, pipelines));
        }
        List<TradeOffFigures> out = new ArrayList<>();
        for (Schedule s : schedules) {
            List<TradeOffFigures.Draw> draws = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                long seed = seeds.get(i);
                draws.add(new TradeOffFigures.Draw(seed, new PollingHarness(seed).run(s.contender(), length,
                        pipelines), baselines.get(i)));
            }
            out.add(new TradeOffFigures(s.name(), s.min(), s.max(), draws));
        }
        return out;
    }
}
