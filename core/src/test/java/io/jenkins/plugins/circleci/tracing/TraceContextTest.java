package io.jenkins.plugins.circleci.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading TRACEPARENT and TRACESTATE from an environment, as both shells do. */
class TraceContextTest {
    private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void noTraceparentMeansNoContextAndNothingToSay() {
        TraceContext.Reading r = TraceContext.fromEnvironment(Map.of("PATH", "/bin")::get);
        assertThat(r.found()).isEmpty();
        assertThat(r.notes()).isEmpty();
        assertThat(TraceContext.read("  ", "congo=t61rcWkgMzE").found()).isEmpty();
    }

    @Test
    void aValidTraceparentAndTracestateAreBothKept() {
        TraceContext.Reading r = TraceContext.fromEnvironment(Map.of("TRACEPARENT", PARENT + "\n",
                "TRACESTATE", " rojo=00f067aa0ba902b7, congo=t61rcWkgMzE ")::get);
        assertThat(r.notes()).isEmpty();
        TraceContext c = r.found().orElseThrow();
        assertThat(c.traceparent().value()).isEqualTo(PARENT);
        assertThat(c.tracestate()).contains("rojo=00f067aa0ba902b7, congo=t61rcWkgMzE");
    }

    @Test
    void anInvalidTraceparentIsIgnoredWithANoteAndTakesTheTracestateWithIt() {
        TraceContext.Reading r = TraceContext.read("00-00000000000000000000000000000000-b7ad6b7169203331-01",
                "congo=t61rcWkgMzE");
        assertThat(r.found()).isEmpty();
        assertThat(r.notes()).singleElement().asString()
                .contains("TRACEPARENT '00-00000000000000000000000000000000-b7ad6b7169203331-01' is not a W3C "
                        + "traceparent (its trace-id is all zeros)")
                .contains("ignored");
    }

    @Test
    void aNoteShowsAControlCharacterAsAQuestionMarkAndCutsALongValue() {
        String note = TraceContext.read("bad\u001b[31m" + "x".repeat(100), null).notes().get(0);
        assertThat(note).doesNotContain("\u001b").contains("bad?[31m").contains("...");
        assertThat(note.length()).isLessThan(250);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Congo=1", "congo", "congo=a,congo=b", "congo=a\nb", "=v", "k=v=w", "k= "})
    void anInvalidTracestateIsDroppedButTheTraceparentKept(String state) {
        TraceContext.Reading r = TraceContext.read(PARENT, state);
        assertThat(r.found().orElseThrow().tracestate()).isEmpty();
        assertThat(r.found().orElseThrow().traceparent().value()).isEqualTo(PARENT);
        assertThat(r.notes()).singleElement().asString().startsWith("TRACESTATE is not a W3C tracestate (");
    }

    @Test
    void tracestateLimitsAndAllowances() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            many.append(i == 0 ? "" : ",").append("k").append(i).append("=v");
        }
        assertThat(TraceState.problem(many.toString())).isNull();
        assertThat(TraceState.problem(many + ",k99=v")).contains("33 members");
        // Empty members, multi-tenant keys and values with inner spaces are all valid.
        assertThat(TraceState.problem("a=1,,  ,\tfw529a3039@dt=00f0 67aa, b*_-/@=x")).isNull();
        assertThat(TraceState.problem("k=" + "v".repeat(256))).isNull();
        assertThat(TraceState.problem("k=" + "v".repeat(257))).contains("value of 'k'");
        // An empty TRACESTATE is no tracestate at all (and no note).
        TraceContext.Reading r = TraceContext.read(PARENT, "  ");
        assertThat(r.notes()).isEmpty();
        assertThat(r.found().orElseThrow().tracestate()).isEmpty();
    }

    @Test
    void aContextIsSerializableAndEqualByValue() throws Exception {
        TraceContext c = TraceContext.read(PARENT, "congo=t61rcWkgMzE").context();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        Object back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertThat(back).isEqualTo(c).hasToString(c.toString());
    }
}
