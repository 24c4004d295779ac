package io.jenkins.plugins.circleci.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** A base URL never carries a secret into a message: neither a password in it nor a token pasted in its place. */
class ApiBaseUrlSecretsTest {
    private static final String TOKEN = "CCIPAT_Xq7SecretToken_9f8e7d6c5b4a39281706";

    @Test
    void aUserNameOrPasswordInTheUrlIsRefusedWithoutQuotingIt() {
        Throwable refused = catchThrowable(() -> ApiBaseUrl.parse("https://admin:s3cr3t-pass@circleci.example.com"));

        assertThat(refused).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("circleci.example.com has a user name or password")
                .hasMessageNotContaining("s3cr3t-pass").hasMessageNotContaining("admin");
    }

    @Test
    void aTokenPastedAsTheUrlIsNotQuotedBack() {
        for (String pasted : new String[] {TOKEN, "https://" + TOKEN + "?x", "https://circleci.com/" + TOKEN + "#x"}) {
            Throwable refused = catchThrowable(() -> ApiBaseUrl.parse(pasted));

            assertThat(refused).as(pasted).isInstanceOf(InvalidRequestException.class)
                    .hasMessageNotContaining("Xq7SecretToken");
        }
    }

    @Test
    void anOrdinaryUrlStillParses() {
        assertThat(ApiBaseUrl.parse("https://circleci.example.com/api/v2").serverBase())
                .hasToString("https://circleci.example.com");
    }
}
