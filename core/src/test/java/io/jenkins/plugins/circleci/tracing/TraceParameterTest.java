package io.jenkins.plugins.circleci.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceParameterTest {
    private static final TraceContext TRACE = TraceContext.read(
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null).context();

    @Test
    void theNamedParameterCarriesTheTraceparentBesideTheOthers() {
        Map<String, Object> all = TraceParameter.add(Map.of("deploy", true), "traceparent", TRACE);
        assertThat(all).containsExactlyInAnyOrderEntriesOf(Map.of("deploy", true,
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
    }

    @Test
    void withoutANameOrATraceTheParametersStayAsTheyAre() {
        assertThat(TraceParameter.add(Map.of("deploy", true), null, TRACE)).containsOnlyKeys("deploy");
        assertThat(TraceParameter.add(Map.of("deploy", true), "traceparent", null)).containsOnlyKeys("deploy");
        assertThat(TraceParameter.add(null, "traceparent", null)).isEmpty();
    }

    @Test
    void aNameAlsoInTheParametersIsRefused() {
        assertThatThrownBy(() -> TraceParameter.check("traceparent", Map.of("traceparent", "x"),
                "traceparentParameter")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'traceparent' is given both in the parameters and as traceparentParameter");
    }

    @Test
    void aBlankOrOverlongNameIsRefusedAndNoNameIsFine() {
        assertThatThrownBy(() -> TraceParameter.check(" ", Map.of(), "--traceparent-param"))
                .hasMessageContaining("--traceparent-param is blank");
        assertThatThrownBy(() -> TraceParameter.check("p".repeat(129), Map.of(), "traceparentParameter"))
                .hasMessageContaining("129 characters long");
        TraceParameter.check(null, Map.of("traceparent", "x"), "traceparentParameter");
        TraceParameter.check("traceparent", null, "traceparentParameter");
    }
}
