package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static io.jenkins.plugins.circleci.trigger.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The jitter source is the only randomness in a wait's schedule: seeding it repeats the schedule exactly. */
class SeededJitterTest {

    /** When each poll of three concurrent waits, jittered by {@code jitter}, read the workflows over 10 minutes. */
    private static List<Instant> pollTimes(RandomGenerator jitter) {
        ManualClock clock = new ManualClock(T0);
        VirtualScheduler scheduler = new VirtualScheduler(clock);
        PipelineWatcher watcher = new PipelineWatcher(scheduler, clock, jitter);
        FakeCircleCi circleci = new FakeCircleCi().workflows(workflow("w1", "build", "running").build());
        List<Instant> polls = new ArrayList<>();
        circleci.onListWorkflows(() -> polls.add(clock.instant()));
        WatchOptions options = WatchOptions.defaults();
        for (int i = 0; i < 3; i++) {
            watcher.watch(circleci, WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, "created",
                    null), clock.instant(), options), options, ProgressListener.NONE);
        }
        scheduler.advance(Duration.ofMinutes(10));
        watcher.close();
        return polls;
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        List<Instant> first = pollTimes(new Random(20_261_128L));
        List<Instant> second = pollTimes(new Random(20_261_128L));

        assertThat(first).hasSizeGreaterThan(150).isEqualTo(second);
    }

    @Test
    void anotherSeedGivesAnotherSchedule() {
        assertThat(pollTimes(new Random(1))).isNotEqualTo(pollTimes(new Random(2)));
    }
}
