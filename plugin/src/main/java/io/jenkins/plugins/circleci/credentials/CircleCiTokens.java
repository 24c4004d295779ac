package io.jenkins.plugins.circleci.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.circleci.Blank;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * CircleCI API tokens live in Jenkins as Secret text credentials. A build finds them in its own context (folder
 * credentials work, and the build can use nothing its job could not); forms list only what the user may use and what a
 * build can see. The token's value never leaves {@link #forRun}, and no message here ever contains it.
 */
public final class CircleCiTokens {
    private CircleCiTokens() {}

    /**
     * The token of the Secret text credentials {@code credentialsId} as the build sees them, scoped to the server's
     * host, and recorded as used by the build.
     *
     * @throws AbortException naming the id and what to do when the build cannot see such credentials
     */
    public static String forRun(Run<?, ?> run, String credentialsId, String serverUrl) throws AbortException {
        StringCredentials c = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run,
                requirements(serverUrl));
        if (c == null) {
            throw new AbortException("No Secret text credentials with ID '" + credentialsId + "' are visible to "
                    + "this build for " + serverUrl + ". Add the CircleCI personal API token as a Secret text "
                    + "credential in this job's folder or globally (scope Global, not System), or pass the ID of one "
                    + "that exists as credentialsId:.");
        }
        CredentialsProvider.track(run, c);
        return c.getSecret().getPlainText();
    }

    /**
     * The Secret text credentials the job may use for the server; outside a job (the global default, the Snippet
     * Generator at the root), those of Jenkins itself that a build can see too.
     */
    public static ListBoxModel choicesFor(Item item, String currentValue, String serverUrl) {
        if (item == null) {
            return jenkinsWideChoices(currentValue, requirements(serverUrl), visibleToBuilds());
        }
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeEmptyValue();
        model.includeMatchingAs(authenticationOf(item), item, StringCredentials.class, requirements(serverUrl),
                CredentialsMatchers.always());
        model.includeCurrentValue(currentOrEmpty(currentValue));
        return model;
    }

    /**
     * The Secret text credentials Jenkins itself may use that match {@code matcher}, for administrators' forms. Jenkins
     * itself sees System-scoped credentials too; pass {@link #visibleToBuilds()} for what a build will use.
     */
    static ListBoxModel jenkinsWideChoices(String currentValue, List<DomainRequirement> requirements,
            CredentialsMatcher matcher) {
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeEmptyValue();
        model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, requirements, matcher);
        model.includeCurrentValue(currentOrEmpty(currentValue));
        return model;
    }

    /** For users who may not list credentials: the value already in the form, nothing else. */
    public static ListBoxModel currentValueOnly(String currentValue) {
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeCurrentValue(currentOrEmpty(currentValue));
        return model;
    }

    /** Whether Secret text credentials with this id are visible where they will be used. */
    public static FormValidation check(Item item, String credentialsId, String serverUrl) {
        String id = credentialsId.trim();
        if (id.startsWith("${")) {
            return FormValidation.warning("Cannot check an expression; it is resolved when the build runs.");
        }
        List<DomainRequirement> requirements = requirements(serverUrl);
        if (item != null) {
            return CredentialsProvider.listCredentialsInItem(StringCredentials.class, item, authenticationOf(item),
                    requirements, CredentialsMatchers.withId(id)).isEmpty() ? notVisible(id, serverUrl)
                    : FormValidation.ok();
        }
        if (existJenkinsWide(id, requirements, visibleToBuilds())) {
            return FormValidation.ok();
        }
        return existJenkinsWide(id, requirements, CredentialsMatchers.withScope(CredentialsScope.SYSTEM))
                ? FormValidation.error(systemScopedProblem(id)) : notVisible(id, serverUrl);
    }

    private static FormValidation notVisible(String id, String serverUrl) {
        return FormValidation.error("No Secret text credentials with ID '" + id + "' are visible here for "
                + serverUrl + ".");
    }

    /**
     * What a build can see of the credentials Jenkins itself sees: not the System-scoped ones, which are for Jenkins
     * alone (the credentials plugin hides them from every item, so {@link #forRun} would not find them).
     */
    public static CredentialsMatcher visibleToBuilds() {
        return CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM));
    }

    /** Why System-scoped token credentials do not work, and what to do; names the id, never the secret. */
    public static String systemScopedProblem(String credentialsId) {
        return "'" + credentialsId + "' are System-scoped credentials, which builds cannot see: every step using them "
                + "fails with \"not visible to this build\". Change their scope to Global, or choose Global "
                + "credentials.";
    }

    /**
     * The Secret text credentials with this id that Jenkins itself (the system, at the root) sees.
     * lookupCredentialsInItemGroup exists since credentials 1305; findCredentialByIdInItemGroup only since 1480,
     * newer than some BOM lines provide.
     */
    public static Optional<StringCredentials> jenkinsWide(String id, List<DomainRequirement> requirements) {
        return Optional.ofNullable(CredentialsMatchers.firstOrNull(CredentialsProvider.lookupCredentialsInItemGroup(
                StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, requirements), CredentialsMatchers.withId(id)));
    }

    /** Whether Jenkins itself sees Secret text credentials with this id that match {@code matcher}. */
    static boolean existJenkinsWide(String id, List<DomainRequirement> requirements, CredentialsMatcher matcher) {
        return !CredentialsProvider.listCredentialsInItemGroup(StringCredentials.class, Jenkins.get(), ACL.SYSTEM2,
                requirements, CredentialsMatchers.allOf(CredentialsMatchers.withId(id), matcher)).isEmpty();
    }

    /** Credentials restricted to a domain match only that domain's CircleCI host. */
    public static List<DomainRequirement> requirements(String serverUrl) {
        return URIRequirementBuilder.fromUri(serverUrl).build();
    }

    private static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    private static String currentOrEmpty(String value) {
        String v = Blank.toNull(value);
        return v == null ? "" : v;
    }
}
