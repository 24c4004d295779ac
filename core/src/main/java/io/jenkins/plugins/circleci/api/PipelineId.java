package io.jenkins.plugins.circleci.api;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;

/**
 * Checks a pipeline id as users type it, so that the plugin and the CLI accept exactly the same ones. A pipeline id
 * is the UUID CircleCI returns when it creates the pipeline; the pipeline number shown in the web app is not one.
 */
public final class PipelineId {
    static final String HINT = "The pipeline id is the UUID that circleciTrigger returns as 'id' and "
            + "'circleci-trigger run --json' prints as \"id\" (like 5034460f-c7c4-4c43-9457-de07e2029e7b); it is not "
            + "the pipeline number shown in the CircleCI app.";

    private PipelineId() {}

    /**
     * @return the id in canonical form: lower case, without surrounding blanks
     * @throws InvalidRequestException if it is not a UUID of the form 8-4-4-4-12 hexadecimal digits
     */
    public static String parse(String text) {
        return Uuids.canonical(text).orElseThrow(() -> new InvalidRequestException(
                (text == null || text.isBlank() ? "No pipeline id was given."
                        : "'" + text.strip() + "' is not a pipeline id: a pipeline id is a UUID."), HINT));
    }
}
