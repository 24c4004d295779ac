package io.jenkins.plugins.circleci.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.Blank;
import io.jenkins.plugins.circleci.api.http.ArtifactDownload;
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
 * {@code circleciArtifact}: reads a small artifact of a CircleCI job, given its {@code url} as the artifacts list
 * has it ({@code circleciTrigger(..., artifacts: true).artifacts[i].url}), and returns its text, or with
 * {@code json: true} the JSON parsed into plain maps, lists, strings, numbers and booleans. The download runs on the
 * plugin's own threads, never on the CPS VM thread.
 */
public final class CircleCiArtifactStep extends CircleCiServerStep {
    private final String url;
    private boolean json;
    private long maxBytes = ArtifactDownload.DEFAULT_MAX_BYTES;

    /** @param url the artifact's {@code url}, as CircleCI lists it */
    @DataBoundConstructor
    public CircleCiArtifactStep(String url) {
        this.url = Blank.toNull(url);
    }

    public String getUrl() {
        return url;
    }

    public boolean isJson() {
        return json;
    }

    /** Returns the content parsed as JSON instead of its text. */
    @DataBoundSetter
    public void setJson(boolean json) {
        this.json = json;
    }

    public long getMaxBytes() {
        return maxBytes;
    }

    /** The most bytes read (default 1 MiB, at most 64 MiB); a larger artifact fails the step. Checked at start. */
    @DataBoundSetter
    public void setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new CircleCiArtifactStepExecution(context, url, getCredentialsId(), getServerUrl(), json, maxBytes);
    }

    @Extension
    public static final class DescriptorImpl extends CircleCiStepDescriptor {
        public DescriptorImpl() {
            super("circleciArtifact", "Read a CircleCI artifact", "url");
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            if (!mayConfigure(item)) {
                return FormValidation.ok();
            }
            String problem = CircleCiArtifactStepExecution.urlProblem(value);
            return problem == null ? FormValidation.ok() : FormValidation.error(problem);
        }

        @POST
        @Restricted(NoExternalUse.class)
        public FormValidation doCheckMaxBytes(@AncestorInPath Item item, @QueryParameter String value) {
            if (!mayConfigure(item) || Blank.toNull(value) == null) {
                return FormValidation.ok();
            }
            try {
                String problem = CircleCiArtifactStepExecution.maxBytesProblem(Long.parseLong(value.trim()));
                return problem == null ? FormValidation.ok() : FormValidation.error(problem);
            } catch (NumberFormatException e) {
                return FormValidation.error("A whole number of bytes, e.g. 1048576 for 1 MiB.");
            }
        }
    }
}
