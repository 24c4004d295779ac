package io.jenkins.plugins.circleci.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FootprintFiguresTest {

    @Test
    void extrapolatesThreadsAlongTheLineThroughTwoMeasuredCounts() {
        FootprintFigures small = new FootprintFigures("baseline", 100, 106, 15_000, 200, false);
        FootprintFigures large = new FootprintFigures("baseline", 1_000, 1_006, 14_000, 2_000, false);

        FootprintFigures big = FootprintFigures.extrapolate(small, large, 10_000);

        assertThat(big.waits()).isEqualTo(10_000);
        assertThat(big.peakThreads()).isEqualTo(10_006);
        assertThat(big.heapPerWait()).isEqualTo(14_000);
        assertThat(big.requests()).isEqualTo(20_000);
        assertThat(big.extrapolated()).isTrue();
    }
}
