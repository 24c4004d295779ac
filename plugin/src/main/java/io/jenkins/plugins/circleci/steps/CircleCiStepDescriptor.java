package io.jenkins.plugins.circleci.steps;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.circleci.Blank;
import io.jenkins.plugins.circleci.config.CircleCiGlobalConfiguration;
import io.jenkins.plugins.circleci.credentials.CircleCiTokens;
import java.util.Map;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What both steps' descriptors share: they need no node (only the build and its console), and their Snippet
 * Generator forms fill and check the same fields. Every web method is POST-only and answers only users who may
 * configure the job (or administer Jenkins, outside a job), so that no one else can list credentials or probe them.
 */
public abstract class CircleCiStepDescriptor extends StepDescriptor {
    private final String functionName;
    private final String displayName;
    private final String labelArgument;

    /**
     * @param labelArgument the argument that labels the step in the Pipeline graph (its project or pipeline id)
     */
    protected CircleCiStepDescriptor(String functionName, String displayName, String labelArgument) {
        this.functionName = functionName;
        this.displayName = displayName;
        this.labelArgument = labelArgument;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public String argumentsToString(Map<String, Object> namedArgs) {
        Object value = namedArgs.get(labelArgument);
        return value instanceof CharSequence text ? text.toString() : null;
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    /** Who may use these forms: Item/Configure in a job, Overall/Administer elsewhere. */
    static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    private static String serverOrDefault(String serverUrl) {
        String s = Blank.toNull(serverUrl);
        return s != null ? s : CircleCiGlobalConfiguration.get().getServerUrl();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId,
            @QueryParameter String serverUrl) {
        if (!mayConfigure(item)) {
            return CircleCiTokens.currentValueOnly(credentialsId);
        }
        return CircleCiTokens.choicesFor(item, credentialsId, serverOrDefault(serverUrl));
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value,
            @QueryParameter String serverUrl) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        if (Blank.toNull(value) == null) {
            return CircleCiGlobalConfiguration.get().getCredentialsId() == null
                    ? FormValidation.error("Select credentials: no default CircleCI credentials are set in Manage "
                            + "Jenkins > System > CircleCI.")
                    : FormValidation.ok("Empty: uses the default credentials from Manage Jenkins > System > CircleCI.");
        }
        return CircleCiTokens.check(item, value, serverOrDefault(serverUrl));
    }

    @POST
    @Restricted(NoExternalUse.class)
    public ListBoxModel doFillOnHoldItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("Keep waiting for approval (default)", "");
        items.add("Fail when approval is needed", "fail");
        items.add("Succeed when approval is needed", "succeed");
        items.add("Stop waiting and mark the build unstable when approval is needed", "unstable");
        return items;
    }

    @POST
    @Restricted(NoExternalUse.class)
    public ListBoxModel doFillWaitForItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("Until the workflows are done (default)", "");
        items.add("Until their workflows exist", "workflows");
        items.add("Until CircleCI has created the pipeline", "created");
        return items;
    }

    @POST
    @Restricted(NoExternalUse.class)
    public ListBoxModel doFillOnTimeoutItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("Fail the build (default)", "");
        items.add("Mark the build unstable", "unstable");
        items.add("Abort the build", "abort");
        return items;
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckLogTail(@AncestorInPath Item item, @QueryParameter String value) {
        return mayConfigure(item) ? StepFieldValidation.logTail(value) : FormValidation.ok();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckProject(@AncestorInPath Item item, @QueryParameter String value) {
        return mayConfigure(item) ? StepFieldValidation.project(value) : FormValidation.ok();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
        return mayConfigure(item) ? StepFieldValidation.timeout(value) : FormValidation.ok();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckHoldTimeout(@AncestorInPath Item item, @QueryParameter String value,
            @QueryParameter String onHold) {
        return mayConfigure(item) ? StepFieldValidation.holdTimeout(value, onHold) : FormValidation.ok();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckServerUrl(@AncestorInPath Item item, @QueryParameter String value) {
        return mayConfigure(item) ? StepFieldValidation.serverUrl(value, CircleCiGlobalConfiguration.get()
                .getServerUrl()) : FormValidation.ok();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckDefinitionId(@AncestorInPath Item item, @QueryParameter String value) {
        return mayConfigure(item) ? StepFieldValidation.definitionId(value) : FormValidation.ok();
    }
}
