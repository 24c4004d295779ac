package io.jenkins.plugins.circleci.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The traceparent rules of W3C Trace Context, section 3.2 (examples from the spec). */
class TraceParentTest {
    private static final String SAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void theSpecsExamplesAreReadAndPassedOnUnchanged() {
        TraceParent p = TraceParent.parse(SAMPLED);
        assertThat(p.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(p.parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(p.sampled()).isTrue();
        assertThat(p.value()).isEqualTo(SAMPLED);

        TraceParent notSampled = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
        assertThat(notSampled.sampled()).isFalse();
        assertThat(notSampled.value()).endsWith("-00");
    }

    @Test
    void version00KeepsItsFlagsAsTheyAre() {
        // A pass-through does not rewrite what it received (Level 2's random flag is 02).
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03").value())
                .endsWith("-03");
    }

    @Test
    void aHigherVersionIsReadAndPassedOnAsVersion00WithOnlyTheSampledFlag() {
        TraceParent p = TraceParent.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09-what-comes-next");
        assertThat(p.value()).isEqualTo(SAMPLED);
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-08").value())
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|empty",
        "0|does not start with a version",
        "0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01|does not start with a version",
        "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01|does not start with a version",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01|version ff is forbidden",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra|55 characters long, this one 61",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1|55 characters long, this one 54",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7|shorter than 55",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01|trace-id is not 32 lowercase hex digits",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01|parent-id is not 16 lowercase hex digits",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0x|trace-flags is not 2 lowercase hex digits",
        "00-4bf92f3577b34da6a3ce929d0e0e4736000f067aa0ba902b7-01|trace-id is not followed by a '-'",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7001|parent-id is not followed by a '-'",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x|not followed by the end or a '-'",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01|trace-id is all zeros",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01|parent-id is all zeros",
    })
    void invalidValuesAreRefusedWithTheReason(String value, String reason) {
        assertThatThrownBy(() -> TraceParent.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void nullIsRefusedLikeEmpty() {
        assertThatThrownBy(() -> TraceParent.parse(null)).hasMessageContaining("empty");
    }
}
