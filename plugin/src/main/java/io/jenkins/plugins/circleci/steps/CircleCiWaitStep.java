package io.jenkins.plugins.circleci.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.Blank;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code circleciWait}: waits for a pipeline triggered earlier (typically {@code circleciTrigger(..., wait: false)})
 * and carries its result back, returning the same map as {@code circleciTrigger}.
 */
public final class CircleCiWaitStep extends CircleCiStep {
    private final String pipelineId;

    /** @param pipelineId the pipeline's id (the {@code id} of what circleciTrigger returned) */
    @DataBoundConstructor
    public CircleCiWaitStep(String pipelineId) {
        this.pipelineId = Blank.toNull(pipelineId);
    }

    public String getPipelineId() {
        return pipelineId;
    }

    @Override
    StepOptions toOptions() {
        return withSharedOptions(StepOptions.waitFor(pipelineId)).build();
    }

    @Extension
    public static final class DescriptorImpl extends CircleCiStepDescriptor {
        public DescriptorImpl() {
            super("circleciWait", "Wait for a CircleCI pipeline", "pipelineId");
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
