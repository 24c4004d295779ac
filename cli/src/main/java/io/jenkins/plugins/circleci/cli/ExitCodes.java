package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.error.CircleCiApiException;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.error.RedirectRefusedException;
import io.jenkins.plugins.circleci.trigger.Outcome;

/**
 * The process exit codes, the CLI's contract with the scripts that run it. Documented in {@code docs/cli.md}; never
 * renumber one.
 */
public final class ExitCodes {
    /**
     * The counted workflows succeeded, or the pipeline was not followed to its end ({@code --no-wait},
     * {@code --wait-for created|workflows}).
     */
    public static final int SUCCESS = 0;
    /**
     * A workflow failed, the pipeline errored, a workflow on hold with {@code --on-hold fail} or longer than
     * {@code --hold-timeout}, an approval ({@code --approve}) CircleCI refused; also a trigger whose
     * outcome is unknown and a CircleCI outage during the wait: a release gate must not pass on either.
     */
    public static final int FAILURE = 1;
    /**
     * Bad input or configuration (also a {@code --server} that redirects), or CircleCI refused the request before a
     * pipeline existed (400, 401, 403, 404).
     */
    public static final int USAGE = 2;
    /** {@code --timeout} passed (with the default {@code --on-timeout fail}). */
    public static final int TIMED_OUT = 3;
    /** A workflow was canceled, SIGINT/SIGTERM interrupted the wait, or a timeout with {@code --on-timeout abort}. */
    public static final int ABORTED = 4;
    /** The pipeline ran no workflow, or CircleCI created no pipeline. */
    public static final int NOT_BUILT = 5;
    /**
     * UNSTABLE: a {@code --result} override, a timeout with {@code --on-timeout unstable}, or a workflow on hold with
     * {@code --on-hold unstable}.
     */
    public static final int UNSTABLE = 6;

    private ExitCodes() {}

    /** The exit code for how a trigger or a wait ended. */
    public static int of(Outcome outcome) {
        if (outcome.reason().endsUnjudged()) {
            // Not followed to its end (--no-wait, --wait-for created|workflows): nothing judged, nothing failed.
            return SUCCESS;
        }
        switch (outcome.reason()) {
            case TIMED_OUT:
                // --on-timeout unstable|abort make a timeout UNSTABLE or ABORTED; the default FAILURE keeps exit 3.
                if (outcome.result() == io.jenkins.plugins.circleci.trigger.BuildResult.FAILURE) {
                    return TIMED_OUT;
                }
                break;
            case ABORTED:
                return ABORTED;
            default:
                break;
        }
        // Only the unjudged reasons lack a result (Outcome enforces it), and they were answered above.
        return switch (outcome.result()) {
            case SUCCESS -> SUCCESS;
            case UNSTABLE -> UNSTABLE;
            case FAILURE -> FAILURE;
            case NOT_BUILT -> NOT_BUILT;
            case ABORTED -> ABORTED;
        };
    }

    /**
     * The exit code for an error. Input the client refused is the caller's to fix: {@link #USAGE}; so is a 4xx
     * CircleCI answered (other than 429) before this run created a pipeline (a bad token, an unknown project or
     * pipeline id). Everything else (connection trouble, 5xx, 429, an unknown trigger outcome, any error once the
     * triggered pipeline exists) leaves a pipeline's fate unknown: {@link #FAILURE}, never a pass.
     *
     * @param pipelineCreated whether this run triggered a pipeline that exists
     */
    public static int of(CircleCiException error, boolean pipelineCreated) {
        if (error instanceof InvalidRequestException) {
            return USAGE;
        }
        if (!pipelineCreated && error instanceof RedirectRefusedException) {
            // The --server URL redirects elsewhere: a configuration to fix, and CircleCI never acted on the request.
            return USAGE;
        }
        if (!pipelineCreated && error instanceof CircleCiApiException api && api.status() >= 400
                && api.status() < 500 && api.status() != 429) {
            return USAGE;
        }
        return FAILURE;
    }
}
