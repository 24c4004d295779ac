package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.error.BadRequestException;
import io.jenkins.plugins.circleci.api.error.CircleCiConnectionException;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.error.ProjectNotFoundException;
import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import io.jenkins.plugins.circleci.api.error.RedirectRefusedException;
import io.jenkins.plugins.circleci.api.error.ServerErrorException;
import io.jenkins.plugins.circleci.api.error.TriggerOutcomeUnknownException;
import io.jenkins.plugins.circleci.api.error.UnauthorizedException;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodesTest {
    private static final PipelineSummary PIPELINE = new PipelineSummary("5034460f-c7c4-4c43-9457-de07e2029e7b", 42,
            "gh/acme/api", "created", "https://app.circleci.com/pipelines/github/acme/api/42");

    private static Outcome outcome(BuildResult result, OutcomeReason reason) {
        return new Outcome(result, reason, PIPELINE, List.of(), List.of(), "why");
    }

    @ParameterizedTest
    @CsvSource({
        "SUCCESS, COMPLETED, 0",
        "UNSTABLE, COMPLETED, 6",
        "FAILURE, COMPLETED, 1",
        "FAILURE, ERRORED, 1",
        "FAILURE, ON_HOLD, 1",
        "NOT_BUILT, COMPLETED, 5",
        "NOT_BUILT, NO_WORKFLOWS, 5",
        "NOT_BUILT, NOT_TRIGGERED, 5",
        "ABORTED, COMPLETED, 4",
        "ABORTED, ABORTED, 4",
        "FAILURE, TIMED_OUT, 3",
        "ABORTED, TIMED_OUT, 4",
        "UNSTABLE, TIMED_OUT, 6",
        "NOT_BUILT, TIMED_OUT, 5",
        "FAILURE, ABORTED, 4",
    })
    void outcomes(BuildResult result, OutcomeReason reason, int code) {
        assertThat(ExitCodes.of(outcome(result, reason))).isEqualTo(code);
    }

    @Test
    void triggeredWithoutWaitingIsZero() {
        assertThat(ExitCodes.of(outcome(null, OutcomeReason.NOT_WAITED))).isZero();
    }

    @Test
    void returningOnceCreatedOrOnceTheWorkflowsExistIsZero() {
        assertThat(ExitCodes.of(outcome(null, OutcomeReason.PIPELINE_CREATED))).isZero();
        assertThat(ExitCodes.of(outcome(null, OutcomeReason.WORKFLOWS_CREATED))).isZero();
    }

    @Test
    void refusalsBeforeAPipelineExistsAreTheCallersToFix() {
        assertThat(ExitCodes.of(new InvalidRequestException("bad", "fix"), false)).isEqualTo(2);
        assertThat(ExitCodes.of(new BadRequestException("400", "", 400, "Branch not found", "POST", "/p"), false))
                .isEqualTo(2);
        assertThat(ExitCodes.of(new UnauthorizedException("401", "", 401, "", "POST", "/p"), false)).isEqualTo(2);
        assertThat(ExitCodes.of(new ProjectNotFoundException("404", "", 404, "Project not found", "POST", "/p"),
                false)).isEqualTo(2);
        assertThat(ExitCodes.of(new RedirectRefusedException("302", "", 302, null, "GET", "/p"), false)).isEqualTo(2);
    }

    @Test
    void aRedirectOnceThePipelineExistsLeavesItsFateUnknown() {
        assertThat(ExitCodes.of(new RedirectRefusedException("302", "", 302, null, "GET", "/p"), true)).isEqualTo(1);
    }

    @Test
    void anUnknownFateIsAFailure() {
        assertThat(ExitCodes.of(new TriggerOutcomeUnknownException("maybe", "check", null), false)).isEqualTo(1);
        assertThat(ExitCodes.of(new ServerErrorException("503", "", 503, "", "GET", "/p"), false)).isEqualTo(1);
        assertThat(ExitCodes.of(new CircleCiConnectionException("down", "", "GET", "/p", null), false)).isEqualTo(1);
        assertThat(ExitCodes.of(new RateLimitedException("429", "", "", "POST", "/p", null), false)).isEqualTo(1);
        assertThat(ExitCodes.of(new UnauthorizedException("401", "", 401, "", "GET", "/p"), true))
                .as("once the triggered pipeline exists, any error leaves its fate unknown").isEqualTo(1);
    }
}
