package io.jenkins.plugins.circleci.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FootprintFiguresTest {

    @Test
    void extrapolatesThreadsAndRequestsInProportionAndKeepsHeapPerWait() {
        FootprintFigures measured = new FootprintFigures("baseline", 1_000, 1_002, 14_000, 2_000, false);

        FootprintFigures big = FootprintFigures.extrapolate(measured, 10_000);

        assertThat(big.contender()).isEqualTo("baseline");
        assertThat(big.waits()).isEqualTo(10_000);
        assertThat(big.peakThreads()).isEqualTo(10_020);
        assertThat(big.heapPerWait()).isEqualTo(14_000);
        assertThat(big.requests()).isEqualTo(20_000);
        assertThat(big.extrapolated()).isTrue();
    }
}
