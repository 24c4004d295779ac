package io.jenkins.plugins.circleci.steps;

import io.jenkins.plugins.circleci.Blank;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/** The options {@code circleciTrigger} and {@code circleciWait} share: where, as whom, and how to wait. */
public abstract class CircleCiStep extends CircleCiServerStep {
    private boolean propagate = true;
    private String timeout;
    private List<String> workflows;
    private String onHold;
    private String holdTimeout;
    private List<String> approve;
    private boolean cancelOnAbort = true;
    private Map<String, Object> resultMapping;
    private int logTail;
    private boolean junit;
    private String waitFor;
    private String onTimeout;
    private boolean artifacts;

    public boolean isPropagate() {
        return propagate;
    }

    @DataBoundSetter
    public void setPropagate(boolean propagate) {
        this.propagate = propagate;
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Blank.toNull(timeout);
    }

    public List<String> getWorkflows() {
        return workflows;
    }

    @DataBoundSetter
    public void setWorkflows(List<String> workflows) {
        this.workflows = StepLists.namesOrNull(workflows);
    }

    public String getOnHold() {
        return onHold;
    }

    @DataBoundSetter
    public void setOnHold(String onHold) {
        this.onHold = Blank.toNull(onHold);
    }

    public String getHoldTimeout() {
        return holdTimeout;
    }

    /** With {@code onHold: 'wait'}: how long a workflow may wait for approval, e.g. {@code 30m}; checked at start. */
    @DataBoundSetter
    public void setHoldTimeout(String holdTimeout) {
        this.holdTimeout = Blank.toNull(holdTimeout);
    }

    public List<String> getApprove() {
        return approve;
    }

    /** Names of approval jobs the wait approves itself as soon as a counted workflow waits for them. */
    @DataBoundSetter
    public void setApprove(List<String> approve) {
        this.approve = StepLists.namesOrNull(approve);
    }

    public boolean isCancelOnAbort() {
        return cancelOnAbort;
    }

    @DataBoundSetter
    public void setCancelOnAbort(boolean cancelOnAbort) {
        this.cancelOnAbort = cancelOnAbort;
    }

    public Map<String, Object> getResultMapping() {
        return resultMapping;
    }

    /**
     * Overrides of the default mapping from final CircleCI statuses to results, e.g. {@code [failed: 'UNSTABLE']};
     * checked before anything is triggered.
     */
    @DataBoundSetter
    public void setResultMapping(Map<String, Object> resultMapping) {
        this.resultMapping = StepLists.entriesOrNull(resultMapping);
    }

    public int getLogTail() {
        return logTail;
    }

    /** When a job fails, how many of the last lines of its failing step to show (0, the default: none). */
    @DataBoundSetter
    public void setLogTail(int logTail) {
        this.logTail = logTail;
    }

    public boolean isJunit() {
        return junit;
    }

    /** Records CircleCI's test results of the counted jobs as this build's test result (needs the JUnit plugin). */
    @DataBoundSetter
    public void setJunit(boolean junit) {
        this.junit = junit;
    }

    public String getWaitFor() {
        return waitFor;
    }

    /** {@code created}, {@code workflows} or {@code completed} (the default); checked when the step starts. */
    @DataBoundSetter
    public void setWaitFor(String waitFor) {
        this.waitFor = Blank.toNull(waitFor);
    }

    public String getOnTimeout() {
        return onTimeout;
    }

    /** {@code fail} (the default), {@code unstable} or {@code abort}; checked when the step starts. */
    @DataBoundSetter
    public void setOnTimeout(String onTimeout) {
        this.onTimeout = Blank.toNull(onTimeout);
    }

    public boolean isArtifacts() {
        return artifacts;
    }

    /** Once the wait ends, lists the counted jobs' artifacts into the returned map's {@code artifacts}. */
    @DataBoundSetter
    public void setArtifacts(boolean artifacts) {
        this.artifacts = artifacts;
    }

    /** What this call asked for, as the running step keeps it. */
    abstract StepOptions toOptions();

    @Override
    public final StepExecution start(StepContext context) {
        return new CircleCiStepExecution(context, toOptions());
    }

    /** Adds the shared options to a step's options. */
    StepOptions.Builder withSharedOptions(StepOptions.Builder b) {
        return b.credentialsId(getCredentialsId())
                .serverUrl(getServerUrl())
                .propagate(propagate)
                .timeout(timeout)
                .workflows(workflows)
                .onHold(onHold)
                .holdTimeout(holdTimeout)
                .approve(approve)
                .cancelOnAbort(cancelOnAbort)
                .resultMapping(resultMapping)
                .logTail(logTail)
                .junit(junit)
                .until(waitFor)
                .onTimeout(onTimeout)
                .artifacts(artifacts);
    }
}
