package hudson.tasks.junit;

import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.test.AbstractTestResultAction;

/**
 * Stand-in of the JUnit plugin's TestResultAction (jenkinsci/junit-plugin @ 0323634a,
 * {@code src/main/java/hudson/tasks/junit/TestResultAction.java}): made for a run with a result, merging another
 * result into it, and its counts. {@code StaplerProxy} and {@code SimpleBuildStep.LastBuildAction} are left out.
 */
public class TestResultAction extends AbstractTestResultAction<TestResultAction> {
    public TestResultAction(Run owner, TestResult result, TaskListener listener) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public synchronized int getFailCount() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public synchronized int getSkipCount() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public synchronized int getTotalCount() {
        throw new UnsupportedOperationException("stand-in");
    }

    public void mergeResult(TestResult additionalResult, TaskListener listener) {
        throw new UnsupportedOperationException("stand-in");
    }
}
