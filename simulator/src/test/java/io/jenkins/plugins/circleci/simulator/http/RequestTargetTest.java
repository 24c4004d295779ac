package io.jenkins.plugins.circleci.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void charactersStrictParsersRefuseArePercentEncodedAndValidEscapesKept() {
        assertThat(RequestTarget.encodeStrays("branch=feat|x{1}^`\"&q=%zz&ok=%2F%20&end=%"))
                .isEqualTo("branch=feat%7Cx%7B1%7D%5E%60%22&q=%25zz&ok=%2F%20&end=%25");
        assertThat(RequestTarget.encodeStrays("/api/v2/project/gh%2Facme%2Fapi/pipeline"))
                .isEqualTo("/api/v2/project/gh%2Facme%2Fapi/pipeline");
    }

    @Test
    void charactersOutsideAsciiBecomeTheEscapesOfTheirUtf8Bytes() {
        assertThat(RequestTarget.encodeStrays("b=caf\u00e9")).isEqualTo("b=caf%C3%A9");
        assertThat(RequestTarget.encodeStrays("x=\uD83D\uDE80")).isEqualTo("x=%F0%9F%9A%80"); // a surrogate pair
    }
}
