package io.jenkins.plugins.circleci.steps;

import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.Blank;
import io.jenkins.plugins.circleci.api.PipelineId;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.config.GlobalSettingsValidation;
import io.jenkins.plugins.circleci.failure.FailureLimits;
import io.jenkins.plugins.circleci.trigger.DurationText;
import java.util.regex.Pattern;

/**
 * The Snippet Generator's checks of the step fields, free of permission checks (the descriptors do those) so that
 * they can be tested without Jenkins. Parameter maps are checked when the step runs, by the core's TriggerRequest.
 */
final class StepFieldValidation {
    /**
     * A UUID as CircleCI writes ids: 8-4-4-4-12 hex digits (UUID.fromString also takes "1-2-3-4-5"). Pipeline ids
     * go through core's PipelineId; definition ids have no such check in core's public API.
     */
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private StepFieldValidation() {}

    /** A step's own server URL; empty means the global one, {@code globalServerUrl}. */
    static FormValidation serverUrl(String value, String globalServerUrl) {
        if (Blank.toNull(value) == null) {
            return FormValidation.ok("Empty: the server from Manage Jenkins > System > CircleCI (" + globalServerUrl
                    + ").");
        }
        return GlobalSettingsValidation.serverUrl(value);
    }

    static FormValidation project(String value) {
        if (Blank.toNull(value) == null) {
            return FormValidation.error("Give the CircleCI project slug, e.g. gh/acme/api.");
        }
        try {
            ProjectSlug.parse(value);
            return FormValidation.ok();
        } catch (InvalidRequestException e) {
            return FormValidation.error(e.getMessage() + " " + e.hint());
        }
    }

    static FormValidation timeout(String value) {
        if (Blank.toNull(value) == null) {
            return FormValidation.ok("Empty: the wait gives up after 24 hours.");
        }
        try {
            DurationText.parse(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** {@code holdTimeout}, which only {@code onHold} wait (empty: the default) allows. */
    static FormValidation holdTimeout(String value, String onHold) {
        if (Blank.toNull(value) == null) {
            return FormValidation.ok("Empty: only the timeout bounds how long a workflow may wait for approval.");
        }
        String policy = Blank.toNull(onHold);
        if (policy != null && !policy.trim().equalsIgnoreCase("wait")) {
            return FormValidation.error("A hold timeout needs the policy to keep waiting for approval, not '"
                    + policy.trim() + "': empty it or choose to keep waiting.");
        }
        try {
            DurationText.parse(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** The Snippet Generator sends the number as text; empty means the default, none. */
    static FormValidation logTail(String value) {
        if (Blank.toNull(value) == null || value.trim().equals("0")) {
            return FormValidation.ok("No output lines: failed jobs and tests only.");
        }
        try {
            FailureLimits.defaults().withLogTail(Integer.parseInt(value.trim()));
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error("Give a number of lines, 1 to " + FailureLimits.MAX_LOG_TAIL + ".");
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation definitionId(String value) {
        if (Blank.toNull(value) == null) {
            return FormValidation.ok();
        }
        return isUuid(value) ? FormValidation.ok() : FormValidation.error("The pipeline definition id '" + value.trim()
                + "' is not a UUID. Copy it from Project Settings > Project Setup in the CircleCI app.");
    }

    static FormValidation pipelineId(String value) {
        String problem = pipelineIdProblem(value);
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    /** What is wrong with a pipeline id, or null when it is well formed. */
    static String pipelineIdProblem(String value) {
        if (Blank.toNull(value) == null) {
            return "No CircleCI pipeline id was given: pass pipelineId:, e.g. the id of what "
                    + "circleciTrigger(..., wait: false) returned.";
        }
        try {
            PipelineId.parse(value);
            return null;
        } catch (InvalidRequestException e) {
            return e.getMessage() + " " + e.hint();
        }
    }

    private static boolean isUuid(String value) {
        return UUID_TEXT.matcher(value.trim()).matches();
    }
}
