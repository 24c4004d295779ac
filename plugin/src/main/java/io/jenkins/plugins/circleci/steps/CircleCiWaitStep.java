package io.jenkins.plugins.circleci.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.Blank;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code circleciWait}: waits for a pipeline triggered earlier (typically {@code circleciTrigger(..., wait: false)})
 * and carries its result back, returning the same map as {@code circleciTrigger}.
 */
public final class CircleCiWaitStep extends Step {
    private final String pipelineId;
    private String credentialsId;
    private String serverUrl;
    private boolean propagate = true;
    private String timeout;
    private List<String> workflows;
    private String onHold;
    private boolean cancelOnAbort = true;

    /** @param pipelineId the pipeline's id (the {@code id} of what circleciTrigger returned) */
    @DataBoundConstructor
    public CircleCiWaitStep(String pipelineId) {
        this.pipelineId = Blank.toNull(pipelineId);
    }

    public String getPipelineId() {
        return pipelineId;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Blank.toNull(credentialsId);
    }

    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = Blank.toNull(serverUrl);
    }

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

    public boolean isCancelOnAbort() {
        return cancelOnAbort;
    }

    @DataBoundSetter
    public void setCancelOnAbort(boolean cancelOnAbort) {
        this.cancelOnAbort = cancelOnAbort;
    }

    StepOptions toOptions() {
        return StepOptions.waitFor(pipelineId)
                .credentialsId(credentialsId)
                .serverUrl(serverUrl)
                .propagate(propagate)
                .timeout(timeout)
                .workflows(workflows)
                .onHold(onHold)
                .cancelOnAbort(cancelOnAbort)
                .build();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new CircleCiStepExecution(context, toOptions());
    }

    @Extension
    public static final class DescriptorImpl extends CircleCiStepDescriptor {
        @Override
        public String getFunctionName() {
            return "circleciWait";
        }

        @Override
        public String getDisplayName() {
            return "Wait for a CircleCI pipeline";
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckPipelineId(@AncestorInPath Item item, @QueryParameter String value) {
            if (!mayConfigure(item)) {
                return FormValidation.ok();
            }
            return StepFieldValidation.pipelineId(value);
        }
    }
}
