package io.jenkins.plugins.circleci.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.util.Secret;
import io.jenkins.plugins.circleci.config.CircleCiGlobalConfiguration;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.simulator.scenario.WebhookTarget;
import io.jenkins.plugins.circleci.webhook.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code /circleci-webhook/} in a real Jenkins (CSRF protection on, as JenkinsRule sets it up), fed by the
 * simulator's signed webhooks. Waits poll only once an hour here, so a build that ends within the test's timeout
 * ended because of a webhook. Runs with -Pjenkins.
 */
@Tag("jenkins")
@WithJenkins
class CircleCiWebhookJenkinsTest {
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final String TOKEN = "CCIPAT_webhook-test-token-never-shown";
    private static final String SECRET = "webhook-signing-secret-never-shown";
    private static final int AN_HOUR = 3600;
    private static final byte[] EVENT = """
            {"id": "e1", "type": "workflow-completed", "workflow": {"id": "w1", "status": "success"},
             "pipeline": {"id": "p1", "number": 1}}""".getBytes(StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newHttpClient();
    private JenkinsRule r;
    private CircleCiSimulator simulator;
    private String webhookUrl;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        simulator = CircleCiSimulator.builder().port(0).scenario(Scenario.builder()
                .project("gh/acme/green", p -> p.workflow("build", w -> w.job("test", Duration.ofSeconds(2))))
                .build()).start();
        CircleCiGlobalConfiguration config = CircleCiGlobalConfiguration.get();
        config.setServerUrl(simulator.baseUrl());
        config.setMinPollInterval(AN_HOUR);
        config.setMaxPollInterval(AN_HOUR);
        CredentialsStore store = CredentialsProvider.lookupStores(r.jenkins).iterator().next();
        store.addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, "circleci-token",
                "CircleCI", Secret.fromString(TOKEN)));
        // System scope: only Jenkins itself reads the signing secret, never a build.
        store.addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.SYSTEM, "webhook-secret",
                "CircleCI webhooks", Secret.fromString(SECRET)));
        config.setWebhookSecretCredentialsId("webhook-secret");
        webhookUrl = r.getURL() + "circleci-webhook/";
    }

    @AfterEach
    void tearDown() {
        simulator.close();
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhookUrl))
                .header("circleci-event-type", "workflow-completed")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("circleci-signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedWebhookEndsTheWaitLongBeforeItsNextPoll() throws Exception {
        simulator.addWebhook(WebhookTarget.of(webhookUrl, SECRET));
        WorkflowJob p = r.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("def p = circleciTrigger project: 'gh/acme/green', "
                + "credentialsId: 'circleci-token'\necho \"result=${p.result}\"", true));

        // The next poll is an hour away and JenkinsRule gives up after 3 minutes: only a webhook can end this.
        WorkflowRun b = r.assertBuildStatusSuccess(p.scheduleBuild2(0));

        r.assertLogContains("result=SUCCESS", b);
        r.assertLogNotContains(SECRET, b);
        assertThat(simulator.webhookAttempts()).isNotEmpty().allSatisfy(a -> assertThat(a.delivered()).isTrue());
        // The first look, then one per event at most: nothing like polling every few seconds.
        assertThat(simulator.journal().count("GET", "/workflow$")).as("workflow listings").isLessThanOrEqualTo(4);
    }

    @Test
    void anUnsignedOrMissignedPostIsForbiddenAndOnlyPostIsAllowed() throws Exception {
        HttpResponse<String> unsigned = post(EVENT, null);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        // Our refusal, not the CSRF filter's: the crumb exclusion let it through.
        assertThat(unsigned.body()).contains("circleci-signature");

        HttpResponse<String> missigned = post(EVENT, "v1=" + WebhookSignature.sign("not-the-secret", EVENT));
        assertThat(missigned.statusCode()).isEqualTo(403);
        assertThat(missigned.body()).doesNotContain(SECRET);

        assertThat(post(EVENT, "v1=" + WebhookSignature.sign(SECRET, EVENT)).statusCode()).isEqualTo(200);

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(webhookUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isIn(404, 405);
    }

    @Test
    void withoutASigningSecretTheEndpointIsOff() throws Exception {
        CircleCiGlobalConfiguration.get().setWebhookSecretCredentialsId(null);
        assertThat(post(EVENT, "v1=" + WebhookSignature.sign(SECRET, EVENT)).statusCode()).isEqualTo(404);

        CircleCiGlobalConfiguration.get().setWebhookSecretCredentialsId("deleted-credentials");
        assertThat(post(EVENT, "v1=" + WebhookSignature.sign(SECRET, EVENT)).statusCode()).isEqualTo(404);
    }
}
