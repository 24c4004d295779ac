package io.jenkins.plugins.circleci.api;

import static io.jenkins.plugins.circleci.api.ClientFixture.TOKEN;
import static io.jenkins.plugins.circleci.api.ClientFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientBuilderTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ClientFixture fixture = new ClientFixture(server);

    private static CircleCiClient clientFor(String baseUrl) {
        return CircleCiClient.builder().baseUrl(baseUrl).token(TOKEN).build();
    }

    @Test
    void theDefaultIsCircleCiCloud() {
        CircleCiClient client = CircleCiClient.builder().token(TOKEN).build();

        assertThat(client.baseUrl()).isEqualTo(URI.create("https://circleci.com"));
        assertThat(client.webUrls().project(ProjectSlug.parse("gh/acme/rocket")))
                .isEqualTo("https://app.circleci.com/pipelines/github/acme/rocket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://circleci.example.com", "https://circleci.example.com/",
        "https://circleci.example.com/api/v2", "https://circleci.example.com/api/v2/", " https://circleci.example.com "})
    void aServerBaseUrlIsAcceptedWithOrWithoutSlashAndApiPath(String baseUrl) {
        assertThat(clientFor(baseUrl).baseUrl()).isEqualTo(URI.create("https://circleci.example.com"));
    }

    @Test
    void requestsGoUnderApiV2OfTheGivenBase() throws Exception {
        server.enqueue(json(200, "{\"id\": \"u\", \"login\": \"l\", \"name\": \"n\"}"));

        fixture.builder().baseUrl(server.url("/circleci/api/v2/").toString()).build().me();

        assertThat(server.takeRequest().getTarget()).isEqualTo("/circleci/api/v2/me");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://circleci.com", "circleci.com", "https://", "http://exa mple.com", "file:///etc/passwd",
        "https://circleci.com/?x=1"})
    void aMalformedOrNonHttpBaseUrlIsRefused(String baseUrl) {
        assertThatThrownBy(() -> clientFor(baseUrl)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(baseUrl.strip())
                .satisfies(e -> assertThat(((InvalidRequestException) e).hint()).contains("https://circleci.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aMissingTokenIsRefusedWithHowToCreateOne(String token) {
        assertThatThrownBy(() -> CircleCiClient.builder().token(token).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("No CircleCI token")
                .satisfies(e -> assertThat(((InvalidRequestException) e).hint())
                        .contains("User Settings > Personal API Tokens"));
        assertThatThrownBy(() -> CircleCiClient.builder().build()).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aTokenWithALineBreakIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> CircleCiClient.builder().token("abc\ndef").build())
                .isInstanceOf(InvalidRequestException.class).hasMessageNotContaining("abc")
                .hasMessageContaining("position 4");
    }

    @Test
    void theBaseOkHttpClientIsDerivedFrom() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        OkHttpClient base = new OkHttpClient.Builder().addInterceptor(chain -> {
            seen.incrementAndGet();
            return chain.proceed(chain.request());
        }).build();
        server.enqueue(json(200, "{\"id\": \"u\", \"login\": \"l\", \"name\": \"n\"}"));

        fixture.builder().httpClient(base).build().me();

        assertThat(seen.get()).isEqualTo(1);
        assertThat(base.retryOnConnectionFailure()).as("the base client is left alone").isTrue();
    }

    @Test
    void clientsOfTheSameHostAndTokenShareOneBudgetAndOthersDoNot() {
        String token = TOKEN + "-sharing";
        CircleCiClient first = CircleCiClient.builder().token(token).build();
        CircleCiClient second = CircleCiClient.builder().baseUrl("https://circleci.com/api/v2").token(token).build();
        CircleCiClient otherToken = CircleCiClient.builder().token(token + "-other").build();
        CircleCiClient otherHost = CircleCiClient.builder().baseUrl("https://circleci.example.com").token(token)
                .build();

        assertThat(second.budget()).isSameAs(first.budget());
        assertThat(otherToken.budget()).isNotSameAs(first.budget());
        assertThat(otherHost.budget()).isNotSameAs(first.budget());
    }
}
