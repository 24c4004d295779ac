package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {
    @Test
    void acceptsSecondsMinutesHoursDaysAndCombinations() {
        assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationText.parse(" 2H ")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationText.parse("30d")).isEqualTo(DurationText.MAX);
        assertThat(DurationText.parse("720h")).isEqualTo(DurationText.MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999999999999h", "99999999999999999999s", "31d", "720h1s", "2592001s",
        "99999999999999999999999999999999999999d"})
    void refusesAnythingLongerThanThirtyDaysWithoutOverflowing(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is too long; a duration may be at most 30d (720h).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "1x", "h", "1h 30m", "1.5h"})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a duration", "90s, 30m, 2h, 1h30m or 7d");
    }

    @Test
    void refusesZeroAndNegative() {
        assertThatThrownBy(() -> DurationText.parse("0s")).hasMessageContaining("is zero");
        assertThatThrownBy(() -> DurationText.parse("-5m")).hasMessageContaining("is negative");
    }
}
