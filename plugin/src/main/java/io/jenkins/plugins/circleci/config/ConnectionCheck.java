package io.jenkins.plugins.circleci.config;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.FormValidation;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.model.User;
import io.jenkins.plugins.circleci.credentials.CircleCiTokens;
import java.util.function.Supplier;

/**
 * What the global configuration's Test connection answers, free of permission checks and credentials lookup so that
 * it can be tested without Jenkins: one call to CircleCI's {@code /me}, judged together with the scope of the
 * credentials, since a token Jenkins can use but builds cannot is no working configuration.
 */
final class ConnectionCheck {
    private ConnectionCheck() {}

    /**
     * Builds the client ({@code client} may refuse the URL or the CA certificates) and calls {@code /me} once: no
     * retries, so the button answers within one request's timeouts instead of the client's retry budget (minutes).
     * OK with the token's user; a warning when it works but the credentials are System-scoped; an error with the
     * problem and what to do otherwise.
     */
    static FormValidation run(Supplier<CircleCiClient> client, String serverUrl, String credentialsId,
            CredentialsScope scope) {
        boolean systemScoped = scope == CredentialsScope.SYSTEM;
        try {
            User me = client.get().withRetryPolicy(RetryPolicy.none()).me();
            String connected = "Connected to " + serverUrl + " as " + me.login();
            return systemScoped
                    ? FormValidation.warning(connected + ", but " + CircleCiTokens.systemScopedProblem(credentialsId))
                    : FormValidation.ok(connected + ".");
        } catch (CircleCiException e) {
            return FormValidation.error(systemScoped
                    ? e.describe() + "\nAlso, " + CircleCiTokens.systemScopedProblem(credentialsId)
                    : e.describe());
        }
    }
}
