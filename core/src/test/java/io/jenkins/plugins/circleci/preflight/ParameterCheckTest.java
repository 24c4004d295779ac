package io.jenkins.plugins.circleci.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterCheckTest {
    private static final String CONFIG = """
            version: 2.1
            parameters:
              deploy-env:
                type: enum
                enum: [dev, prod]
                default: dev
              replicas:
                type: integer
                default: 1
              run-e2e:
                type: boolean
                default: false
              version:
                type: string
                default: ""
            """;

    private static List<String> problems(String config, Map<String, Object> passed) throws Exception {
        return ParameterCheck.problems(passed, DeclaredParameters.read(config));
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void matchingParametersHaveNoProblem() throws Exception {
        assertThat(problems(CONFIG, params("deploy-env", "prod", "replicas", 3L, "run-e2e", true, "version",
                "1.2"))).isEmpty();
    }

    @Test
    void anUndeclaredNameIsNamedWithTheNearestDeclaredOne() throws Exception {
        assertThat(problems(CONFIG, params("deploy_env", "prod", "colour", "red")))
                .containsExactly("'deploy_env' is not declared; did you mean 'deploy-env'?",
                        "'colour' is not declared");
    }

    @Test
    void valuesAreNotConverted() throws Exception {
        // CircleCI answers "Type error for argument": "true" is not a boolean, nor "3" an integer, nor 2 a string.
        assertThat(problems(CONFIG, params("run-e2e", "true", "replicas", "3", "version", 2L)))
                .containsExactly(
                        "'run-e2e' is a boolean but was given a string: pass true or false unquoted",
                        "'replicas' is an integer but was given a string: pass a whole number unquoted",
                        "'version' is a string but was given an integer: pass it as a string (quoted in a "
                                + "Jenkinsfile, --string-param on the command line)");
        assertThat(problems(CONFIG, params("version", true))).hasSize(1);
        assertThat(problems(CONFIG, params("replicas", true))).hasSize(1);
    }

    @Test
    void anEnumValueMustBeAmongTheAllowedOnesAndIsNotQuoted() throws Exception {
        assertThat(problems(CONFIG, params("deploy-env", "production-secret")))
                .containsExactly("'deploy-env' must be one of dev, prod; the value given is not");
    }

    @Test
    void anEnumOfNumbersAcceptsTheSameTextAndADeclarationWithoutTypeAcceptsAnything() throws Exception {
        String config = "parameters:\n  n: {type: enum, enum: [1, 2], default: 1}\n  free: {default: x}\n"
                + "  odd: {type: steps, default: []}\n";
        assertThat(problems(config, params("n", 2L, "free", 5L, "odd", "x"))).isEmpty();
        assertThat(problems(config, params("n", 3L))).hasSize(1);
    }

    @Test
    void aParameterWithoutDefaultMustBeGiven() throws Exception {
        String config = "parameters:\n  target: {type: string}\n  other: {type: string, default: a}\n";
        assertThat(problems(config, params("other", "b"))).containsExactly("'target' is declared without a "
                + "default, so CircleCI needs a value for it, and none was given");
        assertThat(problems(config, params("target", "b"))).isEmpty();
    }

    @Test
    void nothingIsDeclaredSoEveryNameIsUndeclared() throws Exception {
        assertThat(problems("version: 2.1\njobs: {}\n", params("a", "b"))).containsExactly("'a' is not declared");
    }
}
