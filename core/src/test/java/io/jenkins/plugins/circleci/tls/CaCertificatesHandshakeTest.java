package io.jenkins.plugins.circleci.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.api.RetryPolicy;
import io.jenkins.plugins.circleci.api.error.CircleCiConnectionException;
import io.jenkins.plugins.circleci.api.model.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/**
 * Real TLS handshakes with an HTTPS server whose certificate an internal CA signed: refused with the JVM's trust
 * alone, accepted with that CA pasted, refused with another CA or for another host name. Checked with the CircleCI
 * client and with the JDK's own HTTP client.
 */
class CaCertificatesHandshakeTest {
    private static final String TOKEN = "CCIPAT_tlsTestToken_0123456789abcdef";
    private static final String ME = "{\"id\": \"8e0a1f46-0d2b-4bb4-a3d1-8f3b5f9b8f11\", \"login\": \"rocket-bot\", "
            + "\"name\": \"Rocket Bot\"}";

    private static final HeldCertificate ROOT = TestCertificates.rootCa("Acme Root CA");
    private static final HeldCertificate OTHER_ROOT = TestCertificates.rootCa("Acme Root CA");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private void serve(HeldCertificate certificate, HeldCertificate... intermediates) {
        server.useHttps(TestCertificates.presenting(certificate, intermediates).sslSocketFactory());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(ME).build());
    }

    private CircleCiClient.Builder client() {
        return CircleCiClient.builder().baseUrl(server.url("/").toString()).token(TOKEN)
                .retryPolicy(RetryPolicy.none()).connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(10))
                .budget(RequestBudget.create(new RateLimit(1000, 1000), Clock.systemUTC()));
    }

    @Test
    void withoutTheSettingTheServerIsRefusedWithAnErrorThatNamesTlsAndTheSetting() {
        serve(TestCertificates.server(server.getHostName(), ROOT));

        CircleCiConnectionException e = catchThrowableOfType(CircleCiConnectionException.class,
                () -> client().build().me());

        assertThat(e).as("refused").isNotNull();
        assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class);
        assertThat(e.getMessage()).contains("No answer from CircleCI at https://" + server.getHostName(),
                "TLS handshake failed: the server's certificate is not trusted (");
        assertThat(e.hint()).contains("internal CA", "CA certificates", "--ca-cert FILE",
                "docs/circleci-server.md#custom-certificate-authority");
        assertThat(e.describe()).doesNotContain(TOKEN);
        assertThat(server.getRequestCount()).as("nothing reached the server").isZero();
    }

    @Test
    void withTheCaPastedTheServerIsTrusted() {
        serve(TestCertificates.server(server.getHostName(), ROOT));

        User me = client().caCertificates(CaCertificates.parse(ROOT.certificatePem())).build().me();

        assertThat(me.login()).isEqualTo("rocket-bot");
    }

    @Test
    void aChainThroughAnIntermediateIsTrustedWithTheRootPasted() {
        HeldCertificate intermediate = TestCertificates.intermediateCa("Acme Issuing CA", ROOT);
        serve(TestCertificates.server(server.getHostName(), intermediate), intermediate);

        User me = client().caCertificates(CaCertificates.parse(OTHER_ROOT.certificatePem() + ROOT.certificatePem()))
                .build().me();

        assertThat(me.login()).isEqualTo("rocket-bot");
    }

    @Test
    void aDifferentCaWithTheSameNameIsRefused() {
        serve(TestCertificates.server(server.getHostName(), ROOT));

        CircleCiConnectionException e = catchThrowableOfType(CircleCiConnectionException.class,
                () -> client().caCertificates(CaCertificates.parse(OTHER_ROOT.certificatePem())).build().me());

        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).contains("the server's certificate is not trusted");
        assertThat(e.hint()).contains("it holds a different CA than the one that signed this certificate");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenWithItsCaTrusted() {
        serve(TestCertificates.server("circleci.example.com", ROOT));

        CircleCiConnectionException e = catchThrowableOfType(CircleCiConnectionException.class,
                () -> client().caCertificates(CaCertificates.parse(ROOT.certificatePem())).build().me());

        assertThat(e).as("refused").isNotNull();
        assertThat(e.getCause()).isInstanceOf(SSLPeerUnverifiedException.class);
        assertThat(e.getMessage()).contains("TLS failed: the server's certificate is not issued for this host name",
                "circleci.example.com").doesNotContain("\n");
        assertThat(e.hint()).contains("host names are always verified");
        assertThat(server.getRequestCount()).as("the request was never sent").isZero();
    }

    @Test
    void theJdkHttpClientAgreesWithTheSameTrust() throws Exception {
        CaCertificates cas = CaCertificates.parse(ROOT.certificatePem());
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(cas.sslContext())
                .build();
        serve(TestCertificates.server(server.getHostName(), ROOT));
        HttpRequest me = HttpRequest.newBuilder(URI.create(server.url("/api/v2/me").toString())).build();
        assertThat(me.uri().getScheme()).isEqualTo("https");

        assertThat(jdk.send(me, HttpResponse.BodyHandlers.ofString()).body()).contains("rocket-bot");

        HttpClient otherCa = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(CaCertificates.parse(OTHER_ROOT.certificatePem()).sslContext()).build();
        Exception refused = catchThrowableOfType(java.io.IOException.class,
                () -> otherCa.send(me, HttpResponse.BodyHandlers.ofString()));
        assertThat(refused).as("refused by the JDK client too").isNotNull();
        assertThat(TlsFailure.of(refused)).as("told apart as TLS").isNotNull();
    }

    @Test
    void theJvmsDefaultCasStayTrusted() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((java.security.KeyStore) null);
        X509TrustManager jvm = (X509TrustManager) Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance).findFirst().orElseThrow();

        X509Certificate[] accepted = CaCertificates.parse(ROOT.certificatePem()).trustManager().getAcceptedIssuers();

        assertThat(jvm.getAcceptedIssuers()).as("the JDK ships CAs").isNotEmpty();
        assertThat(accepted).contains(jvm.getAcceptedIssuers()).contains(ROOT.certificate())
                .hasSize(jvm.getAcceptedIssuers().length + 1);
    }

    @Test
    void clientsOfOneInstanceShareTheSocketFactorySoTheyShareConnections() {
        CaCertificates cas = CaCertificates.parse(ROOT.certificatePem());

        assertThat(cas.socketFactory()).isSameAs(cas.socketFactory());
        assertThat(cas.trustManager()).isSameAs(cas.trustManager());
    }
}
