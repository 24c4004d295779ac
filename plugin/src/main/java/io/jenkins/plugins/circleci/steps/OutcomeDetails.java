package io.jenkins.plugins.circleci.steps;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.artifacts.ArtifactLister;
import io.jenkins.plugins.circleci.artifacts.CollectedArtifacts;
import io.jenkins.plugins.circleci.failure.FailureReport;
import io.jenkins.plugins.circleci.failure.FailureReporter;
import io.jenkins.plugins.circleci.testresults.CollectedTestResults;
import io.jenkins.plugins.circleci.testresults.TestResultsCollector;
import io.jenkins.plugins.circleci.trigger.Outcome;
import java.time.Clock;
import java.util.List;

/**
 * What is read about a pipeline once its outcome is known: why it failed, with {@code junit: true} its test
 * results, and with {@code artifacts: true} its artifacts. Read off the watcher's scheduler (it may take many
 * requests), within core's budgets; never able to change the outcome: whatever goes wrong is a warning line in the
 * report.
 *
 * @param failures why it failed ({@link FailureReport#NONE} when it did not)
 * @param tests    the counted jobs' test results, or null unless {@code junit: true}
 * @param artifacts the counted jobs' artifacts, or null unless {@code artifacts: true}
 */
record OutcomeDetails(FailureReport failures, CollectedTestResults tests, CollectedArtifacts artifacts) {
    static final OutcomeDetails NONE = new OutcomeDetails(FailureReport.NONE, null, null);

    OutcomeDetails(FailureReport failures, CollectedTestResults tests) {
        this(failures, tests, null);
    }

    static OutcomeDetails read(CircleCiClient client, Clock clock, Outcome outcome, StepOptions options) {
        FailureReport failures;
        try {
            failures = new FailureReporter(client, clock).report(outcome, options.failureLimits());
        } catch (RuntimeException e) {
            failures = new FailureReport(List.of(), 0, List.of("Could not read why the pipeline failed ("
                    + e.getClass().getSimpleName() + ")."));
        }
        CollectedTestResults tests = null;
        if (options.junit() && outcome.result() != null) {
            try {
                tests = new TestResultsCollector(client, clock).collect(outcome);
            } catch (RuntimeException e) {
                tests = new CollectedTestResults(List.of(), List.of("Could not read the test results ("
                        + e.getClass().getSimpleName() + ")."));
            }
        }
        CollectedArtifacts artifacts = null;
        if (options.artifacts()) {
            try {
                artifacts = new ArtifactLister(client, clock).list(outcome);
            } catch (RuntimeException e) {
                artifacts = new CollectedArtifacts(List.of(), 0, List.of("Could not list the artifacts ("
                        + e.getClass().getSimpleName() + ")."));
            }
        }
        return new OutcomeDetails(failures, tests, artifacts);
    }
}
