package io.jenkins.plugins.circleci.tracing;

import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The traceparent as a pipeline parameter, for CircleCI jobs to continue the trace (otel-cli reads it from
 * {@code TRACEPARENT}). Opt-in and named by the user: CircleCI refuses a pipeline parameter its config does not
 * declare, so the parameter must be declared (as a string, best with the default {@code ""}) before it can be sent.
 */
public final class TraceParameter {
    private TraceParameter() {}

    /**
     * Checks the name the user gave (null: no parameter wanted) against the other parameters; throws
     * {@link InvalidRequestException} for a name CircleCI would refuse or that the parameters also set.
     */
    public static void check(String name, Map<String, ?> parameters, String option) {
        if (name == null) {
            return;
        }
        if (name.isBlank()) {
            throw new InvalidRequestException(option + " is blank.", "Give the name of a string pipeline parameter "
                    + "declared in .circleci/config.yml, e.g. traceparent, or leave " + option + " out.");
        }
        if (name.length() > TriggerRequest.MAX_KEY_LENGTH) {
            throw new InvalidRequestException(option + " is " + name.length() + " characters long; CircleCI accepts "
                    + "parameter names of at most " + TriggerRequest.MAX_KEY_LENGTH + ".", "Shorten the name.");
        }
        if (parameters != null && parameters.containsKey(name)) {
            throw new InvalidRequestException("The pipeline parameter '" + name + "' is given both in the parameters "
                    + "and as " + option + ", which fills it with the build's traceparent.",
                    "Leave '" + name + "' out of the parameters, or name another parameter in " + option + ".");
        }
    }

    /**
     * The parameters with {@code name} set to the traceparent; the parameters as they are when no name was given or
     * there is no trace to join.
     */
    public static Map<String, Object> add(Map<String, ?> parameters, String name, TraceContext context) {
        Map<String, Object> all = new LinkedHashMap<>();
        if (parameters != null) {
            all.putAll(parameters);
        }
        if (name != null && context != null) {
            all.put(name, context.traceparent().value());
        }
        return all;
    }
}
