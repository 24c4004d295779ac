package hudson.tasks.test;

import hudson.model.HealthReportingAction;

/**
 * Stand-in of the JUnit plugin's AbstractTestResultAction (jenkinsci/junit-plugin
 * {@code src/main/java/hudson/tasks/test/AbstractTestResultAction.java}): what makes a TestResultAction an Action,
 * and its counts. {@code RunAction2} and the rest are left out.
 */
public abstract class AbstractTestResultAction<T extends AbstractTestResultAction> implements HealthReportingAction {
    protected AbstractTestResultAction() {}

    public abstract int getFailCount();

    public int getSkipCount() {
        throw new UnsupportedOperationException("stand-in");
    }

    public abstract int getTotalCount();

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("stand-in");
    }
}
