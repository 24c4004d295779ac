package hudson.tasks.test;

import hudson.model.HealthReportingAction;
import jenkins.model.RunAction2;
import jenkins.model.Tab;

/**
 * Stand-in of the JUnit plugin's AbstractTestResultAction (jenkinsci/junit-plugin @ 002d23e5,
 * {@code src/main/java/hudson/tasks/test/AbstractTestResultAction.java}): a {@link Tab} (since the plugin's support
 * for the new run page, jenkinsci/junit-plugin#755) that is a {@link HealthReportingAction} and a {@link RunAction2};
 * its counts and the members {@code Action} makes abstract. Upstream's constructor calls {@code super(null)}.
 */
@SuppressWarnings("rawtypes") // upstream's bound: a raw AbstractTestResultAction
public abstract class AbstractTestResultAction<T extends AbstractTestResultAction> extends Tab
        implements HealthReportingAction, RunAction2 {
    protected AbstractTestResultAction() {
        super(null);
    }

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
