package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DurationAwareScheduleTest {
    private final DurationAwareSchedule schedule = new DurationAwareSchedule(Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    private final RandomGenerator noJitter = new FixedRandom(0);
    /** A 10-minute workflow: median 10:00, p95 10:20 after T0. */
    private final ExpectedEnd tenMinutes = new ExpectedEnd(T0.plusSeconds(600), T0.plusSeconds(620));

    @Test
    void theDenseWindowOpensOneAndAHalfSpreadsBeforeTheMedianAtLeastTenSeconds() {
        assertThat(schedule.denseFrom(tenMinutes)).isEqualTo(T0.plusSeconds(570));
        assertThat(schedule.denseFrom(new ExpectedEnd(T0.plusSeconds(600), T0.plusSeconds(601))))
                .isEqualTo(T0.plusSeconds(590));
    }

    @Test
    void farFromTheEndItWaitsHalfTheWayToTheDenseWindowAtMostAMinute() {
        assertThat(schedule.next(T0, tenMinutes, noJitter)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.next(T0.plusSeconds(490), tenMinutes, noJitter)).isEqualTo(Duration.ofSeconds(40));
        assertThat(schedule.next(T0.plusSeconds(560), tenMinutes, noJitter)).isEqualTo(Duration.ofSeconds(5));
        // Never less than a dense interval.
        assertThat(schedule.next(T0.plusSeconds(568), tenMinutes, noJitter)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aroundTheExpectedEndItLooksEveryTwoMinimumIntervals() {
        for (int s = 570; s <= 620; s += 5) {
            assertThat(schedule.next(T0.plusSeconds(s), tenMinutes, noJitter)).as("at " + s + " s")
                    .isEqualTo(Duration.ofSeconds(4));
        }
    }

    @Test
    void aRunOutlivingItsP95FallsBackToTheAdaptiveScheduleFromTheMinimum() {
        assertThat(schedule.next(T0.plusSeconds(621), tenMinutes, noJitter)).isEqualTo(Duration.ofMillis(2500));
        assertThat(schedule.next(T0.plusSeconds(630), tenMinutes, noJitter)).isEqualTo(Duration.ofSeconds(7));
        assertThat(schedule.next(T0.plusSeconds(3600), tenMinutes, noJitter)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aLongestIntervalAboveAMinuteAlsoBoundsTheSparseLooks() {
        DurationAwareSchedule slow = new DurationAwareSchedule(Duration.ofSeconds(5), Duration.ofMinutes(5));
        ExpectedEnd hour = new ExpectedEnd(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofMinutes(65)));
        assertThat(slow.next(T0, hour, noJitter)).isEqualTo(Duration.ofMinutes(5));
        assertThat(slow.next(hour.likely(), hour, noJitter)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitterOnlyShortensByAtMostAFifth() {
        RandomGenerator full = new FixedRandom(0.999999);
        assertThat(schedule.next(T0, tenMinutes, full)).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(60));
        assertThat(schedule.next(T0.plusSeconds(600), tenMinutes, full))
                .isBetween(Duration.ofMillis(3200), Duration.ofSeconds(4));
    }

    @Test
    void aTenMinuteRunIsFollowedWithAboutTwentyLooksEndingWithinFourSeconds() {
        List<Instant> looks = new ArrayList<>();
        Instant t = T0.plusSeconds(2);
        Instant end = T0.plusSeconds(605);
        while (t.isBefore(end)) {
            looks.add(t);
            t = t.plus(schedule.next(t, tenMinutes, noJitter));
        }
        assertThat(looks.size()).isBetween(15, 25);
        assertThat(Duration.between(end, t)).isLessThanOrEqualTo(Duration.ofSeconds(4));
    }

    /** A generator that always gives the same double. */
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
