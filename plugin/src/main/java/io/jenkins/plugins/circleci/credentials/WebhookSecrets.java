package io.jenkins.plugins.circleci.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.circleci.Blank;
import java.util.List;

/**
 * The signing secret of CircleCI's outbound webhooks, kept as Secret text credentials that an administrator chose in
 * the global configuration. They are looked up as the system in Jenkins itself (an administrator's decision, so
 * System-scoped credentials work), and bound to no domain: the secret is not sent anywhere. Its value never leaves
 * {@link #signingSecret}.
 */
public final class WebhookSecrets {
    private static final List<DomainRequirement> ANY_DOMAIN = List.of();

    private WebhookSecrets() {}

    /** The secret of the Secret text credentials {@code credentialsId}, or null when there are none (webhooks off). */
    public static String signingSecret(String credentialsId) {
        String id = Blank.toNull(credentialsId);
        if (id == null) {
            return null;
        }
        return CircleCiTokens.jenkinsWide(id, ANY_DOMAIN).map(c -> c.getSecret().getPlainText()).orElse(null);
    }

    /** The Secret text credentials an administrator may choose, System-scoped ones included (no build reads them). */
    public static ListBoxModel choices(String currentValue) {
        return CircleCiTokens.jenkinsWideChoices(currentValue, ANY_DOMAIN, CredentialsMatchers.always());
    }

    /** Whether the chosen credentials exist; empty is fine and means webhooks are off. */
    public static FormValidation check(String credentialsId) {
        String id = Blank.toNull(credentialsId);
        if (id == null) {
            return FormValidation.ok("Empty: CircleCI webhooks are off: /circleci-webhook/ nudges nothing and answers 404 to signed deliveries.");
        }
        if (!CircleCiTokens.existJenkinsWide(id, ANY_DOMAIN, CredentialsMatchers.always())) {
            return FormValidation.error("No Secret text credentials with ID '" + id + "' exist. Until they do, "
                    + "CircleCI webhooks are off: /circleci-webhook/ nudges nothing and answers 404 to signed deliveries.");
        }
        return FormValidation.ok();
    }
}
