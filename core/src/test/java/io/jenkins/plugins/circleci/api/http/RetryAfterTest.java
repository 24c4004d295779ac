package io.jenkins.plugins.circleci.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void deltaSeconds() {
        assertThat(RetryAfter.parse("42", clock)).isEqualTo(Duration.ofSeconds(42));
        assertThat(RetryAfter.parse(" 0 ", clock)).isZero();
    }

    @Test
    void anHttpDate() {
        assertThat(RetryAfter.parse("Thu, 15 Jan 2026 10:01:30 GMT", clock)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Thu, 15 Jan 2026 09:00:00 GMT", clock)).isZero();
    }

    @Test
    void hugeValuesAreCapped() {
        assertThat(RetryAfter.parse("86400", clock)).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("99999999999999999999999", clock)).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("Fri, 15 Jan 2027 10:00:00 GMT", clock)).isEqualTo(RetryAfter.MAX);
    }

    @Test
    void absentOrUnreadableIsNull() {
        assertThat(RetryAfter.parse(null, clock)).isNull();
        assertThat(RetryAfter.parse("", clock)).isNull();
        assertThat(RetryAfter.parse("soon", clock)).isNull();
        assertThat(RetryAfter.parse("-5", clock)).isNull();
    }
}
