package io.jenkins.plugins.circleci.steps;

import hudson.Extension;
import io.jenkins.plugins.circleci.Blank;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code circleciTrigger}: triggers a CircleCI pipeline and, unless {@code wait: false}, waits for its workflows and
 * carries their result back. Returns a map: id, number, project, state, result, url, workflows. With
 * {@code disabled: true} it checks its arguments and returns a map with {@code triggered: false} instead.
 */
public final class CircleCiTriggerStep extends CircleCiStep {
    private final String project;
    private String branch;
    private String tag;
    private Map<String, Object> parameters;
    /** Check the parameters against the branch's config before triggering (two reads; only when there are some). */
    private boolean validateParameters = true;
    private String definitionId;
    /** pipeline/run only: the config's ref and the checkout's ref, each overriding branch/tag on its side. */
    private String configBranch;
    private String configTag;
    private String checkoutBranch;
    private String checkoutTag;
    private boolean wait = true;
    /** Checks the arguments, then triggers nothing (like the Parameterized Remote Trigger plugin's {@code disabled}). */
    private boolean disabled;
    /** The pipeline parameter to fill with the build's W3C traceparent; null: none. */
    private String traceparentParameter;

    /** @param project the project slug, e.g. {@code gh/acme/api} or {@code circleci/<org-id>/<project-id>} */
    @DataBoundConstructor
    public CircleCiTriggerStep(String project) {
        this.project = Blank.toNull(project);
    }

    public String getProject() {
        return project;
    }

    public String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(String branch) {
        this.branch = Blank.toNull(branch);
    }

    public String getTag() {
        return tag;
    }

    @DataBoundSetter
    public void setTag(String tag) {
        this.tag = Blank.toNull(tag);
    }

    public Map<String, Object> getParameters() {
        return parameters;
    }

    /** Pipeline parameters: strings, booleans and integers; checked against CircleCI's limits when the step runs. */
    @DataBoundSetter
    public void setParameters(Map<String, Object> parameters) {
        this.parameters = StepLists.entriesOrNull(parameters);
    }

    public boolean isValidateParameters() {
        return validateParameters;
    }

    @DataBoundSetter
    public void setValidateParameters(boolean validateParameters) {
        this.validateParameters = validateParameters;
    }

    public String getDefinitionId() {
        return definitionId;
    }

    @DataBoundSetter
    public void setDefinitionId(String definitionId) {
        this.definitionId = Blank.toNull(definitionId);
    }

    public String getConfigBranch() {
        return configBranch;
    }

    @DataBoundSetter
    public void setConfigBranch(String configBranch) {
        this.configBranch = Blank.toNull(configBranch);
    }

    public String getConfigTag() {
        return configTag;
    }

    @DataBoundSetter
    public void setConfigTag(String configTag) {
        this.configTag = Blank.toNull(configTag);
    }

    public String getCheckoutBranch() {
        return checkoutBranch;
    }

    @DataBoundSetter
    public void setCheckoutBranch(String checkoutBranch) {
        this.checkoutBranch = Blank.toNull(checkoutBranch);
    }

    public String getCheckoutTag() {
        return checkoutTag;
    }

    @DataBoundSetter
    public void setCheckoutTag(String checkoutTag) {
        this.checkoutTag = Blank.toNull(checkoutTag);
    }

    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public boolean isDisabled() {
        return disabled;
    }

    @DataBoundSetter
    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    public String getTraceparentParameter() {
        return traceparentParameter;
    }

    /** Sends the build's {@code TRACEPARENT} as this pipeline parameter, which CircleCI's config must declare. */
    @DataBoundSetter
    public void setTraceparentParameter(String traceparentParameter) {
        this.traceparentParameter = Blank.toNull(traceparentParameter);
    }

    @Override
    StepOptions toOptions() {
        return withSharedOptions(StepOptions.trigger(project))
                .branch(branch)
                .tag(tag)
                .parameters(parameters)
                .validateParameters(validateParameters)
                .definitionId(definitionId)
                .refs(configBranch, configTag, checkoutBranch, checkoutTag)
                .waitForCompletion(wait)
                .disabled(disabled)
                .traceparentParameter(traceparentParameter)
                .build();
    }

    @Extension
    public static final class DescriptorImpl extends CircleCiStepDescriptor {
        public DescriptorImpl() {
            super("circleciTrigger", "Trigger a CircleCI pipeline", "project");
        }
    }
}
