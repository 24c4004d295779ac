package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.error.CircleCiException;
import java.time.Duration;

/**
 * A wait gave up because CircleCI stayed unreachable (connection failures, 5xx, 429s, garbage bodies) for longer than
 * the outage patience. The pipeline itself may well be running or finished: only the wait ended. The last error is the
 * cause.
 */
public class CircleCiUnreachableException extends CircleCiException {
    private final Duration outage;
    private final String pipelineId;

    public CircleCiUnreachableException(String pipelineName, String pipelineId, Duration outage,
            CircleCiException lastError) {
        super("CircleCI was unreachable for " + DurationText.format(outage) + " while waiting for " + pipelineName
                + "; last error: " + lastError.getMessage(),
                "Check CircleCI's status page and the network or proxy between this machine and CircleCI. The "
                        + "pipeline may still be running: wait for it again with its id " + pipelineId
                        + " once CircleCI answers, or raise the outage patience.", lastError);
        this.outage = outage;
        this.pipelineId = pipelineId;
    }

    /** How long CircleCI had been failing when the wait gave up. */
    public Duration outage() {
        return outage;
    }

    public String pipelineId() {
        return pipelineId;
    }
}
