package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Generated cases for the result mapping and for "the worst wins". */
class ResultMappingPropertiesTest {
    private static final List<String> IN_PROGRESS = List.of("running", "failing", "on_hold", "queued", "not_running",
            "blocked");

    @Property(tries = 300)
    void aStatusNobodyMappedIsAFailureNeverASuccess(@ForAll("statusNames") String status) {
        if (ResultMapping.defaults().asMap().containsKey(status.trim().toLowerCase(Locale.ROOT))) {
            return;
        }
        assertThat(ResultMapping.defaults().map(status)).isEqualTo(BuildResult.FAILURE);
    }

    @Property(tries = 300)
    void anOverrideAppliesToItsStatusInAnyCaseAndSpacingAndToNoOther(@ForAll("finalStatuses") String status,
            @ForAll BuildResult result, @ForAll("finalStatuses") String other) {
        String written = " " + status.toUpperCase(Locale.ROOT) + " ";
        ResultMapping mapping = ResultMapping.defaults().with(written, result);
        assertThat(mapping.map(status)).isEqualTo(result);
        if (!other.equals(status)) {
            assertThat(mapping.map(other)).isEqualTo(ResultMapping.defaults().map(other));
        }
        assertThat(mapping.withOverrideTexts(List.of(status + "=" + result.name().toLowerCase(Locale.ROOT))))
                .isEqualTo(mapping);
    }

    @Property(tries = 100)
    void aStatusThatIsNotFinalCannotBeMapped(@ForAll("inProgress") String status, @ForAll BuildResult result) {
        assertThatThrownBy(() -> ResultMapping.defaults().with(status, result))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a final CircleCI status");
    }

    @Property(tries = 300)
    void theWorstOfManyIsTheSameInAnyOrderAndSuccessOnlyIfAllAre(@ForAll("results") List<BuildResult> results,
            @ForAll Random shuffle) {
        List<BuildResult> shuffled = new ArrayList<>(results);
        Collections.shuffle(shuffled, shuffle);
        BuildResult inOrder = results.stream().reduce(BuildResult.SUCCESS, BuildResult::worst);
        BuildResult reordered = shuffled.stream().reduce(BuildResult.SUCCESS, BuildResult::worst);
        assertThat(reordered).isEqualTo(inOrder);
        assertThat(inOrder == BuildResult.SUCCESS).isEqualTo(results.stream().allMatch(r -> r == BuildResult.SUCCESS));
        results.forEach(r -> assertThat(inOrder == r || inOrder.isWorseThan(r)).isTrue());
    }

    @Provide
    Arbitrary<String> statusNames() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z').withChars('_', '-').ofMinLength(1)
                .ofMaxLength(20), Arbitraries.of("success", "failed", "canceled", "not_run", "Success", "mystery"));
    }

    @Provide
    Arbitrary<String> finalStatuses() {
        return Arbitraries.of("success", "failed", "error", "canceled", "unauthorized", "not_run",
                "infrastructure_fail", "timedout", "terminated-unknown", "a_newer_final_status");
    }

    @Provide
    Arbitrary<String> inProgress() {
        return Arbitraries.of(IN_PROGRESS).map(s -> new Random(s.hashCode()).nextBoolean()
                ? s.toUpperCase(Locale.ROOT) : s);
    }

    @Provide
    Arbitrary<List<BuildResult>> results() {
        return Arbitraries.of(BuildResult.class).list().ofMaxSize(8);
    }
}
