package io.jenkins.plugins.circleci.steps;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.failure.FailureReport;
import io.jenkins.plugins.circleci.failure.FailureReporter;
import io.jenkins.plugins.circleci.testresults.CollectedTestResults;
import io.jenkins.plugins.circleci.testresults.TestResultsCollector;
import io.jenkins.plugins.circleci.trigger.Outcome;
import java.time.Clock;
import java.util.List;

/**
 * What is read about a pipeline once its outcome is known: why it failed and, with {@code junit: true}, its test
 * results. Read off the watcher's scheduler (it may take many requests), within core's budgets; never able to change
 * the outcome: whatever goes wrong is a warning line in the report.
 *
 * @param failures why it failed ({@link FailureReport#NONE} when it did not)
 * @param tests    the counted jobs' test results, or null unless {@code junit: true}
 */
record OutcomeDetails(FailureReport failures, CollectedTestResults tests) {
    static final OutcomeDetails NONE = new OutcomeDetails(FailureReport.NONE, null);

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
        return new OutcomeDetails(failures, tests);
    }
}
