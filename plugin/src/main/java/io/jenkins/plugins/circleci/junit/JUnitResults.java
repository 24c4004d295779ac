package io.jenkins.plugins.circleci.junit;

import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.junit.TestResult;
import hudson.tasks.junit.TestResultAction;
import hudson.tasks.test.PipelineTestDetails;
import io.jenkins.plugins.circleci.testresults.CollectedTestResults;
import io.jenkins.plugins.circleci.testresults.JUnitXml;
import io.jenkins.plugins.circleci.testresults.JobTestResults;
import io.jenkins.plugins.junit.storage.FileJunitTestResultStorage;
import io.jenkins.plugins.junit.storage.JunitTestResultStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The only class that uses the JUnit plugin's API (loaded only once {@link JUnitRecording} found it). Each job's
 * results are written as a JUnit XML report to a temporary file on the controller and parsed by the JUnit plugin
 * itself ({@code TestResult.parse(File, PipelineTestDetails)}, its public API since 1.22), then added to the build's
 * {@code TestResultAction} or merged into the one an earlier {@code junit} step made, as other publishers do. No
 * workspace or agent is needed.
 *
 * <p>Only into the JUnit plugin's built-in file storage: {@code TestResultAction}'s constructor keeps a result only
 * when {@code JunitTestResultStorage.find()} is a {@code FileJunitTestResultStorage}, and {@code mergeResult} assumes
 * one. With a pluggable storage (a database), which only the plugin's own parser writes to through a Beta API that
 * has changed between releases, nothing is recorded and the console says why.
 */
final class JUnitResults {
    private JUnitResults() {}

    static String record(Run<?, ?> run, CollectedTestResults results, TaskListener listener) throws IOException {
        JunitTestResultStorage storage = JunitTestResultStorage.find();
        if (!(storage instanceof FileJunitTestResultStorage)) {
            return JUnitRecording.pluggableStorage(storage == null ? null : storage.getClass().getName());
        }
        TestResult result = new TestResult();
        for (JobTestResults job : results.jobs()) {
            Path report = Files.createTempFile("circleci-tests-", ".xml");
            try {
                Files.writeString(report, JUnitXml.of(job), StandardCharsets.UTF_8);
                result.parse(report.toFile(), (PipelineTestDetails) null);
            } finally {
                Files.deleteIfExists(report);
            }
        }
        result.tally();
        synchronized (run) {
            TestResultAction action = run.getAction(TestResultAction.class);
            if (action == null) {
                run.addAction(new TestResultAction(run, result, listener));
            } else {
                action.mergeResult(result, listener);
                run.save(); // the action's counts are saved with the build, as the junit step saves after merging
            }
        }
        boolean partial = results.jobs().stream().anyMatch(j -> !j.complete());
        return "Recorded " + result.getTotalCount() + " CircleCI test results (" + result.getFailCount() + " failed, "
                + result.getSkipCount() + " skipped) of " + results.jobs().size() + " job"
                + (results.jobs().size() == 1 ? "" : "s") + " as this build's test result"
                + (partial ? "; some jobs have more results than were read" : "") + ".";
    }
}
