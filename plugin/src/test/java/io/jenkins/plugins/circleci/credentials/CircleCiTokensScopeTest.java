package io.jenkins.plugins.circleci.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsScope;
import java.lang.reflect.Proxy;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

/**
 * Token lists outside a job (the global default credentials, the Snippet Generator at the root) are looked up as
 * Jenkins itself, which also sees System-scoped credentials; builds never do (the credentials plugin hides them from
 * every item), so those lists keep only what a build can see. Where ../shared exists this runs the credentials plugin's
 * real matchers. The lists themselves need a running Jenkins: CircleCiConfigJenkinsTest.
 */
class CircleCiTokensScopeTest {

    /** Secret text credentials of the given scope; nothing else of them is asked. */
    private static StringCredentials credentials(CredentialsScope scope) {
        return (StringCredentials) Proxy.newProxyInstance(CircleCiTokensScopeTest.class.getClassLoader(),
                new Class<?>[] {StringCredentials.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getScope")) {
                        return scope;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void buildsSeeGlobalAndUserCredentialsButNotSystemOnes() {
        CredentialsMatcher visible = CircleCiTokens.visibleToBuilds();

        assertThat(visible.matches(credentials(CredentialsScope.GLOBAL))).isTrue();
        assertThat(visible.matches(credentials(CredentialsScope.USER))).isTrue();
        assertThat(visible.matches(credentials(CredentialsScope.SYSTEM))).isFalse();
    }

    @Test
    void theProblemNamesTheCredentialsAndWhatToDo() {
        assertThat(CircleCiTokens.systemScopedProblem("admin-token"))
                .isEqualTo("'admin-token' are System-scoped credentials, which builds cannot see: every step using "
                        + "them fails with \"not visible to this build\". Change their scope to Global, or choose "
                        + "Global credentials.");
    }
}
