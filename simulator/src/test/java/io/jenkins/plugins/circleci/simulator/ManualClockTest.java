package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void movesOnlyWhenTold() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        clock.advance(Duration.ofHours(3));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T03:00:00Z"));
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void zonedCopySharesTheSameTime() {
        ManualClock clock = new ManualClock();
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(paris.instant()).isEqualTo(clock.instant());
    }

    @Test
    void refusesToGoBackwards() {
        assertThatThrownBy(() -> new ManualClock().advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
