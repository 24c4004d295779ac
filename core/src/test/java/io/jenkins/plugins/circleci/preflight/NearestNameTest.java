package io.jenkins.plugins.circleci.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {
    private static final List<String> DECLARED = List.of("deploy-env", "replicas", "run-e2e", "a");

    @Test
    void findsTyposCaseAndSeparatorSlips() {
        assertThat(NearestName.of("deploy_env", DECLARED)).contains("deploy-env");
        assertThat(NearestName.of("DEPLOY-ENV", DECLARED)).contains("deploy-env");
        assertThat(NearestName.of("replica", DECLARED)).contains("replicas");
        assertThat(NearestName.of("run_e2", DECLARED)).contains("run-e2e");
        assertThat(NearestName.of("b", DECLARED)).contains("a");
    }

    @Test
    void suggestsNothingFarAway() {
        assertThat(NearestName.of("colour", DECLARED)).isEmpty();
        assertThat(NearestName.of("x", List.of())).isEmpty();
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestName.distance("", "abc")).isEqualTo(3);
        assertThat(NearestName.distance("same", "same")).isZero();
    }
}
