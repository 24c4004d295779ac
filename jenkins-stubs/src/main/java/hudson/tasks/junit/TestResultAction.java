package hudson.tasks.junit;

import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.test.AbstractTestResultAction;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerProxy;

/**
 * Stand-in of the JUnit plugin's TestResultAction (jenkinsci/junit-plugin @ 0323634a,
 * {@code src/main/java/hudson/tasks/junit/TestResultAction.java}): made for a run with a result, merging another
 * result into it, its counts, and {@code getTarget()}, which {@link StaplerProxy} makes abstract.
 *
 * <p>Upstream's constructor keeps the result only when the JUnit test result storage is the built-in file storage
 * ({@code JunitTestResultStorage.find() instanceof FileJunitTestResultStorage}); {@code mergeResult} assumes it.
 */
public class TestResultAction extends AbstractTestResultAction<TestResultAction>
        implements StaplerProxy, SimpleBuildStep.LastBuildAction {
    @SuppressWarnings("rawtypes") // upstream's signature: a raw Run
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

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException("stand-in");
    }

    public void mergeResult(TestResult additionalResult, TaskListener listener) {
        throw new UnsupportedOperationException("stand-in");
    }
}
