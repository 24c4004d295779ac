package io.jenkins.plugins.circleci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.Item;
import hudson.model.Saveable;
import hudson.model.User;
import hudson.model.listeners.SaveableListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.steps.CircleCiTriggerStep;
import io.jenkins.plugins.circleci.steps.CircleCiWaitStep;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

/** Forms, round trips and the permission checks of every web method. Runs with -Pjenkins. */
@Tag("jenkins")
@WithJenkins
class CircleCiConfigJenkinsTest {
    private static final String TOKEN = "CCIPAT_config-test-token-never-shown";

    private JenkinsRule r;
    private CircleCiSimulator simulator;
    private WorkflowJob job;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        simulator = CircleCiSimulator.builder().port(0).scenario(Scenario.defaults()).start();
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "circleci-token", "CircleCI",
                        Secret.fromString(TOKEN)));
        job = r.createProject(WorkflowJob.class, "p");
    }

    /** Admins, readers, and developers who may configure the job {@code p} only. */
    private void secure() {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Item.CONFIGURE).onItems(job).to("developer")
                .grant(Jenkins.READ, Item.READ).everywhere().to("developer"));
    }

    @AfterEach
    void tearDown() throws Exception {
        simulator.close();
    }

    @Test
    void stepsRoundTripThroughTheirForms() throws Exception {
        CircleCiTriggerStep trigger = new CircleCiTriggerStep("gh/acme/api");
        trigger.setBranch("main");
        trigger.setCredentialsId("circleci-token");
        trigger.setWait(false);
        trigger.setTimeout("2h");
        trigger.setOnHold("fail");
        trigger.setCancelOnAbort(false);
        r.assertEqualDataBoundBeans(trigger, new StepConfigTester(r).configRoundTrip(trigger));

        CircleCiWaitStep wait = new CircleCiWaitStep("5034460f-c7c4-4c43-9457-de07e2029e7b");
        wait.setPropagate(false);
        r.assertEqualDataBoundBeans(wait, new StepConfigTester(r).configRoundTrip(wait));
    }

    @Test
    void snippets() throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(r);
        snippets.assertRoundTrip(new CircleCiTriggerStep("gh/acme/api"), "circleciTrigger 'gh/acme/api'");
        snippets.assertRoundTrip(new CircleCiWaitStep("5034460f-c7c4-4c43-9457-de07e2029e7b"),
                "circleciWait '5034460f-c7c4-4c43-9457-de07e2029e7b'");
    }

    /** The script-only arguments (lists and maps the form cannot show) still make correct snippets. */
    @Test
    void snippetsWithScriptOnlyArguments() throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(r);
        CircleCiTriggerStep trigger = new CircleCiTriggerStep("gh/acme/api");
        trigger.setParameters(Map.of("deploy", true));
        trigger.setWorkflows(List.of("build", "deploy"));
        trigger.setResultMapping(Map.of("failed", "UNSTABLE"));
        snippets.assertRoundTrip(trigger, "circleciTrigger parameters: [deploy: true], project: 'gh/acme/api', "
                + "resultMapping: [failed: 'UNSTABLE'], workflows: ['build', 'deploy']");

        CircleCiWaitStep wait = new CircleCiWaitStep("5034460f-c7c4-4c43-9457-de07e2029e7b");
        wait.setResultMapping(Map.of("canceled", "FAILURE"));
        snippets.assertRoundTrip(wait, "circleciWait pipelineId: '5034460f-c7c4-4c43-9457-de07e2029e7b', "
                + "resultMapping: [canceled: 'FAILURE']");
    }

    @Test
    void globalConfigurationRoundTrips() throws Exception {
        CircleCiGlobalConfiguration config = CircleCiGlobalConfiguration.get();
        config.setServerUrl("https://circleci.example.com");
        config.setCredentialsId("circleci-token");
        config.setMinPollInterval(3);
        config.setMaxPollInterval(30);
        config.setRequestsPerSecond(5);
        config.setBurst(7);
        addWebhookSecret();
        config.setWebhookSecretCredentialsId("webhook-secret");
        String ca = ServerTrustTest.resource("test-ca.pem");
        config.setCaCertificates(ca);

        r.configRoundtrip();

        ServerSettings s = CircleCiGlobalConfiguration.get().settings();
        assertThat(s.serverUrl()).isEqualTo("https://circleci.example.com");
        assertThat(s.credentialsId()).isEqualTo("circleci-token");
        assertThat(s.minPollInterval().toSeconds()).isEqualTo(3);
        assertThat(s.maxPollInterval().toSeconds()).isEqualTo(30);
        assertThat(s.rateLimit().permitsPerSecond()).isEqualTo(5);
        assertThat(s.rateLimit().burst()).isEqualTo(7);
        assertThat(CircleCiGlobalConfiguration.get().getWebhookSecretCredentialsId()).isEqualTo("webhook-secret");
        assertThat(s.caCertificates()).as("the textarea keeps the PEM").isEqualToIgnoringNewLines(ca);
    }

    /** Counts the saves Jenkins reports (Descriptor.save() fires SaveableListener once it has written the file). */
    private static final class SaveCounter extends SaveableListener {
        private final List<Saveable> saved = new CopyOnWriteArrayList<>();

        @Override
        public void onChange(Saveable o, XmlFile file) {
            saved.add(o);
        }

        long of(Saveable s) {
            return saved.stream().filter(o -> o == s).count();
        }
    }

    /** One form submission binds every field through its setter (each of which saves) and writes the file once. */
    @Test
    void submittingTheFormWritesTheConfigurationOnce() throws Exception {
        CircleCiGlobalConfiguration config = CircleCiGlobalConfiguration.get();
        config.setServerUrl("https://circleci.example.com");
        config.setCredentialsId("circleci-token");
        config.setMaxPollInterval(30);
        SaveCounter saves = new SaveCounter();
        SaveableListener.all().add(saves);

        r.configRoundtrip();

        assertThat(saves.of(config)).as("writes of the CircleCI configuration").isEqualTo(1);
        assertThat(CircleCiGlobalConfiguration.get().settings().maxPollInterval().toSeconds()).isEqualTo(30);
        config.setBurst(7);
        assertThat(saves.of(config)).as("a setter outside a form saves by itself").isEqualTo(2);
    }

    /**
     * Builds look the token up in the job's context, where System-scoped credentials are invisible: the default
     * credentials list offers only Global ones, a System-scoped choice is an error, and Test connection says why.
     * The webhook secret, which only Jenkins itself reads, may be System-scoped.
     */
    @Test
    void systemScopedTokensAreNotOfferedAsTheDefaultAndAreFlaggedWhenChosen() throws Exception {
        secure();
        addWebhookSecret();
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.SYSTEM, "system-token", "CircleCI for Jenkins only",
                        Secret.fromString(TOKEN)));
        CircleCiGlobalConfiguration config = CircleCiGlobalConfiguration.get();
        String url = simulator.baseUrl();
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            assertThat(values(config.doFillCredentialsIdItems(url, ""))).contains("circleci-token")
                    .doesNotContain("system-token", "webhook-secret");
            assertThat(values(config.doFillCredentialsIdItems(url, "system-token")))
                    .as("a value saved before is still shown, to be flagged").contains("system-token");
            FormValidation check = config.doCheckCredentialsId("system-token", url);
            assertThat(check.kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(check.getMessage()).contains("System-scoped");
            assertThat(config.doCheckCredentialsId("circleci-token", url).kind).isEqualTo(FormValidation.Kind.OK);

            FormValidation connection = config.doTestConnection(url, "system-token", null);
            assertThat(connection.kind).isEqualTo(FormValidation.Kind.WARNING);
            assertThat(connection.getMessage()).contains("Connected to", "System-scoped").doesNotContain(TOKEN);

            assertThat(values(config.doFillWebhookSecretCredentialsIdItems(""))).contains("webhook-secret");
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThat(config.doCheckCredentialsId("system-token", url).kind).as("nothing revealed")
                    .isEqualTo(FormValidation.Kind.OK);
        }
    }

    @Test
    void onlyAdminsGetTheCaCertificatesDescribed() throws Exception {
        secure();
        CircleCiGlobalConfiguration config = CircleCiGlobalConfiguration.get();
        String ca = ServerTrustTest.resource("test-ca.pem");
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            assertThat(config.doCheckCaCertificates(ca).getMessage()).contains("CN=Test-only Acme Root CA");
            assertThat(config.doCheckCaCertificates("junk").kind).isEqualTo(FormValidation.Kind.ERROR);
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThat(config.doCheckCaCertificates("junk").kind).as("nothing revealed")
                    .isEqualTo(FormValidation.Kind.OK);
        }
        r.createWebClient().login("admin").assertFails("descriptorByName/"
                + CircleCiGlobalConfiguration.class.getName() + "/checkCaCertificates?value=junk", 404);
    }

    private void addWebhookSecret() throws Exception {
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.SYSTEM, "webhook-secret", "CircleCI webhooks",
                        Secret.fromString("signing-secret")));
    }

    @Test
    void onlyAdminsSeeOrCheckTheWebhookSecretCredentials() throws Exception {
        secure();
        addWebhookSecret();
        CircleCiGlobalConfiguration config = CircleCiGlobalConfiguration.get();
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            assertThat(values(config.doFillWebhookSecretCredentialsIdItems(""))).contains("webhook-secret");
            assertThat(config.doCheckWebhookSecretCredentialsId("webhook-secret").kind)
                    .isEqualTo(FormValidation.Kind.OK);
            assertThat(config.doCheckWebhookSecretCredentialsId("nope").kind).isEqualTo(FormValidation.Kind.ERROR);
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThat(values(config.doFillWebhookSecretCredentialsIdItems(""))).doesNotContain("webhook-secret");
            assertThat(config.doCheckWebhookSecretCredentialsId("nope").kind).as("nothing revealed")
                    .isEqualTo(FormValidation.Kind.OK);
        }
        r.createWebClient().login("admin").assertFails("descriptorByName/"
                + CircleCiGlobalConfiguration.class.getName() + "/fillWebhookSecretCredentialsIdItems", 404);
    }

    @Test
    void testConnectionShowsTheTokensUserToAdminsOnly() throws Exception {
        secure();
        CircleCiGlobalConfiguration config = CircleCiGlobalConfiguration.get();
        String url = simulator.baseUrl();
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            FormValidation ok = config.doTestConnection(url, "circleci-token", null);
            assertThat(ok.kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(ok.getMessage()).contains("Connected to").doesNotContain(TOKEN);
            assertThat(config.doTestConnection(url, "nope", null).getMessage()).contains("nope");
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThatThrownBy(() -> config.doTestConnection(url, "circleci-token", null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(config.doFillCredentialsIdItems(url, "")).as("only the current (empty) value").hasSize(1);
        }
        r.createWebClient().login("admin").assertFails(
                "descriptorByName/" + CircleCiGlobalConfiguration.class.getName() + "/testConnection", 404);
    }

    @Test
    void stepFormsListCredentialsOnlyToThoseWhoMayConfigureTheJob() throws Exception {
        secure();
        CircleCiTriggerStep.DescriptorImpl descriptor =
                ExtensionList.lookupSingleton(CircleCiTriggerStep.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as(User.getById("developer", true))) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(job, "", "");
            assertThat(values(items)).contains("circleci-token");
            assertThat(descriptor.doCheckCredentialsId(job, "circleci-token", "").kind)
                    .isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckCredentialsId(job, "nope", "").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckProject(job, "acme/api").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckServerUrl(job, "http://circleci.example.com").kind)
                    .isEqualTo(FormValidation.Kind.WARNING);
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(job, "", "");
            assertThat(values(items)).doesNotContain("circleci-token");
            assertThat(descriptor.doCheckCredentialsId(job, "nope", "").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckProject(job, "acme/api").kind).as("nothing revealed")
                    .isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckServerUrl(job, "ftp://nowhere").kind).as("nothing revealed")
                    .isEqualTo(FormValidation.Kind.OK);
        }
        r.createWebClient().login("developer").assertFails("job/p/descriptorByName/"
                + CircleCiTriggerStep.class.getName() + "/fillCredentialsIdItems", 404);
    }

    private static List<String> values(ListBoxModel items) {
        return items.stream().map(o -> o.value).toList();
    }
}
