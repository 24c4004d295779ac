package io.jenkins.plugins.circleci.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentilesOfUnsortedValues() {
        List<Duration> values = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            values.add(Duration.ofMillis(i));
        }
        Latencies l = new Latencies(values);

        assertThat(l.p50()).isEqualTo(Duration.ofMillis(50));
        assertThat(l.p99()).isEqualTo(Duration.ofMillis(99));
        assertThat(l.max()).isEqualTo(Duration.ofMillis(100));
        assertThat(l.percentile(1)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void withFewValuesP99IsTheSlowest() {
        Latencies l = new Latencies(List.of(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(2)));

        assertThat(l.p50()).isEqualTo(Duration.ofSeconds(2));
        assertThat(l.p99()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void flagsANegativeLatency() {
        assertThat(new Latencies(List.of(Duration.ofMillis(-1))).anyNegative()).isTrue();
        assertThat(new Latencies(List.of(Duration.ZERO)).anyNegative()).isFalse();
        assertThat(new Latencies(List.of()).p50()).isEqualTo(Duration.ZERO);
    }
}
