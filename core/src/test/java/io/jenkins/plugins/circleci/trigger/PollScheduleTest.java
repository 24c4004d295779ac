package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private final PollSchedule schedule = new PollSchedule(Duration.ofSeconds(2), Duration.ofSeconds(10));
    private final RandomGenerator noJitter = new FixedRandom(0);
    private final RandomGenerator fullJitter = new FixedRandom(0.999999);

    @Test
    void startsQuickAndGrowsToTheMaximum() {
        assertThat(schedule.afterQuietPolls(0, noJitter)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.afterQuietPolls(1, noJitter)).isEqualTo(Duration.ofSeconds(3));
        assertThat(schedule.afterQuietPolls(2, noJitter)).isEqualTo(Duration.ofMillis(4500));
        assertThat(schedule.afterQuietPolls(10, noJitter)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.afterQuietPolls(Integer.MAX_VALUE, noJitter)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitterOnlyShortensByAtMostAFifth() {
        assertThat(schedule.afterQuietPolls(0, fullJitter)).isBetween(Duration.ofMillis(1600), Duration.ofSeconds(2));
        assertThat(schedule.afterQuietPolls(50, fullJitter)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void failuresBackOffExponentiallyUpToAMinute() {
        assertThat(schedule.afterFailures(1, null, noJitter)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.afterFailures(2, null, noJitter)).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.afterFailures(4, null, noJitter)).isEqualTo(Duration.ofSeconds(16));
        assertThat(schedule.afterFailures(100, null, noJitter)).isEqualTo(PollSchedule.MAX_BACKOFF);
    }

    @Test
    void aLongerRetryAfterWins() {
        assertThat(schedule.afterFailures(1, Duration.ofSeconds(30), noJitter)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.afterFailures(5, Duration.ofSeconds(1), noJitter)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void anExhaustedBudgetIsWaitedOutAndSpread() {
        assertThat(schedule.whileBudgetExhausted(Duration.ofMillis(700), noJitter)).isEqualTo(Duration.ofMillis(700));
        assertThat(schedule.whileBudgetExhausted(Duration.ofMillis(700), fullJitter))
                .isBetween(Duration.ofMillis(700), Duration.ofMillis(2700));
    }

    @Test
    void anExhaustedBudgetDelaysALookByAtMostASecondMoreWhateverThePollInterval() {
        PollSchedule slow = new PollSchedule(Duration.ofMinutes(1), Duration.ofMinutes(5));
        assertThat(slow.whileBudgetExhausted(Duration.ofMillis(700), fullJitter))
                .isBetween(Duration.ofMillis(700), Duration.ofMillis(1700));
    }

    @Test
    void aNudgedPollLeavesOneMinimumIntervalButAtMostASecondAfterThePreviousOne() {
        assertThat(new PollSchedule(Duration.ofMillis(300), Duration.ofSeconds(10)).nudgeGap())
                .isEqualTo(Duration.ofMillis(300));
        assertThat(new PollSchedule(Duration.ofMinutes(1), Duration.ofMinutes(5)).nudgeGap())
                .isEqualTo(Duration.ofSeconds(1));
    }

    /** A generator that always gives the same double: the two ends of the jitter range. */
    private record FixedRandom(double value) implements RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return value;
        }
    }
}
