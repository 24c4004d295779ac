package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.PIPELINE_ID;
import static io.jenkins.plugins.circleci.api.ClientFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.circleci.api.error.RedirectRefusedException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** A redirect is never followed: the token goes only to the configured host, and no POST is sent twice. */
class RedirectTest {
    @StartStop
    final MockWebServer configured = new MockWebServer();

    @StartStop
    final MockWebServer elsewhere = new MockWebServer();

    private final ClientFixture fixture = new ClientFixture(configured);

    private static MockResponse redirect(int status, String location) {
        return new MockResponse.Builder().code(status).setHeader("Location", location).build();
    }

    @Test
    void aRedirectToAnotherHostIsRefusedAndTheTokenNeverReachesIt() throws Exception {
        String target = elsewhere.url("/api/v2/pipeline/" + PIPELINE_ID).newBuilder()
                .addQueryParameter("session", "s3cr3t-query").build().toString();
        configured.enqueue(redirect(302, target));

        RedirectRefusedException error = catchThrowableOfType(RedirectRefusedException.class,
                () -> fixture.client().getPipeline(PIPELINE_ID));

        assertThat(error.status()).isEqualTo(302);
        assertThat(error.getMessage())
                .contains("answered 302", "redirecting to http://" + elsewhere.getHostName() + ":"
                        + elsewhere.getPort() + "/api/v2/pipeline/" + PIPELINE_ID)
                .doesNotContain("s3cr3t-query", TOKEN);
        assertThat(error.hint()).contains("Configure the server URL it redirects to", "https://");
        assertThat(error.location()).hasValueSatisfying(location -> assertThat(location)
                .doesNotContain("s3cr3t-query"));
        assertThat(error.isRetryable()).isFalse();
        assertThat(configured.getRequestCount()).isEqualTo(1);
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aRedirectsUserNameAndPasswordAreShownNowhere() {
        String target = elsewhere.url("/api/v2/pipeline/" + PIPELINE_ID).newBuilder()
                .username("redirect-user").password("redirect-pa55").fragment("frag-s3cr3t").build().toString();
        configured.enqueue(redirect(307, target));

        RedirectRefusedException error = catchThrowableOfType(RedirectRefusedException.class,
                () -> fixture.client().getPipeline(PIPELINE_ID));

        assertThat(error.location()).hasValue(elsewhere.url("/api/v2/pipeline/" + PIPELINE_ID).toString());
        for (String shown : new String[] {error.getMessage(), error.hint(), error.toString(),
                error.location().orElseThrow()}) {
            assertThat(shown).doesNotContain("redirect-user", "redirect-pa55", "frag-s3cr3t");
        }
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aTriggerRedirectedToTheSameHostIsNotReplayed() throws Exception {
        configured.enqueue(redirect(301, "/moved/api/v2/project/gh/acme/rocket/pipeline"));
        TriggerRequest request = TriggerRequest.builder(ProjectSlug.parse("gh/acme/rocket")).branch("main").build();

        RedirectRefusedException error = catchThrowableOfType(RedirectRefusedException.class,
                () -> fixture.client().trigger(request));

        assertThat(error.status()).isEqualTo(301);
        assertThat(error.method()).isEqualTo("POST");
        assertThat(error.getMessage()).contains("/moved/api/v2/project/gh/acme/rocket/pipeline");
        RecordedRequest only = configured.takeRequest();
        assertThat(only.getMethod()).isEqualTo("POST");
        assertThat(configured.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRedirectWithoutLocationSaysSo() {
        configured.enqueue(new MockResponse.Builder().code(307).build());

        RedirectRefusedException error = catchThrowableOfType(RedirectRefusedException.class,
                () -> fixture.client().getPipeline(PIPELINE_ID));

        assertThat(error.getMessage()).contains("answered 307", "no Location header");
        assertThat(error.location()).isEmpty();
    }
}
