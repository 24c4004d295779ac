package io.jenkins.plugins.circleci.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the parameters to be sent with the declared ones, as CircleCI does when it compiles the config: every
 * name declared, every value of the declared type (no conversion: the string {@code "true"} is not a boolean, nor
 * {@code "3"} an integer: CircleCI answers "Type error for argument"), an enum value among the allowed ones, and
 * every parameter declared without a default given.
 *
 * <p>Sources: the pipeline parameter types are {@code string}, {@code boolean}, {@code integer} and {@code enum}, and a
 * default is "Required for pipeline parameters" (circleci-docs {@code reusing-config.adoc}, "Parameter syntax"); a
 * JSON string {@code "true"} for a boolean parameter fails with "Type error for argument mark: expected type: boolean,
 * actual value: \"true\" (type string)" (CircleCI-Archived/api-preview-docs#57, CircleCI-Public/circleci-cli#631),
 * and integer parameters sent as strings fail the same way (CircleCI-Public/circleci-cli#1823).
 *
 * <p>Only what is certain to fail is reported; a declaration this check does not understand (no type, a type that
 * is not a pipeline parameter type) lets its value through. Problems never quote a value: parameters may be secret.
 */
final class ParameterCheck {
    private ParameterCheck() {}

    /** One line per problem, in the order the parameters were given; empty when they match. */
    static List<String> problems(Map<String, Object> passed, DeclaredParameters declared) {
        List<String> problems = new ArrayList<>();
        Map<String, DeclaredParameter> byName = declared.byName();
        passed.forEach((name, value) -> {
            DeclaredParameter d = byName.get(name);
            if (d == null) {
                String suggestion = NearestName.of(name, byName.keySet()).map(n -> "; did you mean '" + n + "'?")
                        .orElse("");
                problems.add("'" + name + "' is not declared" + suggestion);
                return;
            }
            String typeProblem = typeProblem(d, value);
            if (typeProblem != null) {
                problems.add(typeProblem);
            }
        });
        for (DeclaredParameter d : byName.values()) {
            if (!d.hasDefault() && !passed.containsKey(d.name())) {
                problems.add("'" + d.name() + "' is declared without a default, so CircleCI needs a value for it, "
                        + "and none was given");
            }
        }
        return problems;
    }

    private static String typeProblem(DeclaredParameter d, Object value) {
        String given = kind(value);
        if (d.type() == null) {
            return null;
        }
        switch (d.type()) {
            case "boolean":
                return value instanceof Boolean ? null : "'" + d.name() + "' is a boolean but was given " + given
                        + ": pass true or false unquoted";
            case "integer":
                return value instanceof Long || value instanceof Integer ? null : "'" + d.name() + "' is an integer "
                        + "but was given " + given + ": pass a whole number unquoted";
            case "string":
                return value instanceof String ? null : "'" + d.name() + "' is a string but was given " + given
                        + ": pass it as a string (quoted in a Jenkinsfile, --string-param on the command line)";
            case "enum":
                if (d.allowed() == null || d.allowed().contains(String.valueOf(value))) {
                    // The text matches one allowed value; whether CircleCI also wants its type is not known: let it be.
                    return null;
                }
                return "'" + d.name() + "' must be one of " + String.join(", ", d.allowed()) + "; the value given is "
                        + "not";
            default:
                return null;
        }
    }

    private static String kind(Object value) {
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "an integer";
        }
        return "a string";
    }
}
