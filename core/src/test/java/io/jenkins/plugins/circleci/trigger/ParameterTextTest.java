package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterTextTest {

    @Test
    void typedValuesBecomeBooleansIntegersOrStrings() {
        Map<String, Object> p = ParameterText.parse(
                List.of("deploy=true", "dry=false", "count=42", "delta=-3", "zero=0", "region=eu-west-1"), List.of());

        assertThat(p).containsExactly(
                Map.entry("deploy", Boolean.TRUE), Map.entry("dry", Boolean.FALSE), Map.entry("count", 42L),
                Map.entry("delta", -3L), Map.entry("zero", 0L), Map.entry("region", "eu-west-1"));
    }

    @Test
    void textsThatOnlyLookTypedStayStrings() {
        assertThat(ParameterText.typedValue("True")).isEqualTo("True");
        assertThat(ParameterText.typedValue("007")).isEqualTo("007");
        assertThat(ParameterText.typedValue("+5")).isEqualTo("+5");
        assertThat(ParameterText.typedValue("1.5")).isEqualTo("1.5");
        assertThat(ParameterText.typedValue("99999999999999999999")).isEqualTo("99999999999999999999");
        assertThat(ParameterText.typedValue("")).isEqualTo("");
    }

    @Test
    void stringParametersAreNeverTyped() {
        assertThat(ParameterText.parse(List.of(), List.of("version=42", "flag=true")))
                .containsExactly(Map.entry("version", "42"), Map.entry("flag", "true"));
    }

    @Test
    void theValueIsEverythingAfterTheFirstEquals() {
        assertThat(ParameterText.parse(List.of("query=a=b", "empty="), List.of()))
                .containsExactly(Map.entry("query", "a=b"), Map.entry("empty", ""));
    }

    @Test
    void aParameterWithoutEqualsIsRefused() {
        assertThatThrownBy(() -> ParameterText.parse(List.of("deploy"), List.of()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'deploy' has no '='")
                .satisfies(e -> assertThat(((InvalidRequestException) e).hint()).contains("name=value"));
    }

    @Test
    void anEmptyNameIsRefusedWithoutRepeatingTheValue() {
        assertThatThrownBy(() -> ParameterText.parse(List.of(), List.of("=s3cret")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("empty name")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aKeyGivenTwiceIsRefusedEvenAcrossTypedAndString() {
        assertThatThrownBy(() -> ParameterText.parse(List.of("env=prod"), List.of("env=s3cret")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'env' is given more than once")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> ParameterText.parse(List.of("a=1", "a=2"), List.of()))
                .isInstanceOf(InvalidRequestException.class);
    }
}
