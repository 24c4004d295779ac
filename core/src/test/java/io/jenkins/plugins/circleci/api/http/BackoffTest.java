package io.jenkins.plugins.circleci.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(3),
            Duration.ofMinutes(1));

    @Test
    void theCeilingDoublesUpToTheMaximum() {
        Backoff backoff = new Backoff(policy, () -> 1.0);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.ceiling(60)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void fullJitterSpreadsBetweenZeroAndTheCeiling() {
        assertThat(new Backoff(policy, () -> 0.0).jittered(3)).isZero();
        assertThat(new Backoff(policy, () -> 0.25).jittered(3)).isEqualTo(Duration.ofMillis(500));
        assertThat(new Backoff(policy, () -> 0.999).jittered(2)).isLessThan(Duration.ofSeconds(1));
    }
}
