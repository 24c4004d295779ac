package io.jenkins.plugins.circleci.config;

import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.circleci.Blank;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.credentials.CircleCiTokens;
import io.jenkins.plugins.circleci.credentials.WebhookSecretCache;
import io.jenkins.plugins.circleci.credentials.WebhookSecrets;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → System → CircleCI (and {@code unclassified: circleci:} in Configuration as Code): the server,
 * the CA certificates trusted for it, the default credentials, how often waits poll, the request budget all waits share and the signing secret of
 * CircleCI's outbound webhooks. Each setter saves (Configuration as Code, scripts); a form submission saves once.
 */
@Extension
@Symbol("circleci")
public class CircleCiGlobalConfiguration extends GlobalConfiguration {
    private static final Logger LOGGER = Logger.getLogger(CircleCiGlobalConfiguration.class.getName());
    private static final WatchOptions WATCH_DEFAULTS = WatchOptions.defaults();

    private String serverUrl = CircleCiClient.DEFAULT_BASE_URL;
    private String credentialsId;
    /** PEM certificates of CAs trusted for the server besides the JVM's; null = none. Public, so saved as is. */
    private String caCertificates;
    private int minPollInterval = (int) WATCH_DEFAULTS.minPollInterval().toSeconds();
    private int maxPollInterval = (int) WATCH_DEFAULTS.maxPollInterval().toSeconds();
    private double requestsPerSecond = RateLimit.defaults().permitsPerSecond();
    private int burst = RateLimit.defaults().burst();
    /** Secret text credentials holding the webhooks' signing secret; null = webhooks off. */
    private String webhookSecretCredentialsId;
    /** Not saved: the secret itself stays in the credentials store. */
    private final transient WebhookSecretCache webhookSecret = new WebhookSecretCache();

    public CircleCiGlobalConfiguration() {
        load();
    }

    public static CircleCiGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(CircleCiGlobalConfiguration.class);
    }

    /**
     * The settings steps use. Values an administrator left out of range (say, by editing XML) fall back to the
     * defaults rather than failing every build.
     */
    public ServerSettings settings() {
        int min = minPollInterval >= 1 ? minPollInterval : (int) WATCH_DEFAULTS.minPollInterval().toSeconds();
        int max = Math.max(min, maxPollInterval);
        RateLimit rate = requestsPerSecond > 0 && burst >= 1 ? new RateLimit(requestsPerSecond, burst)
                : RateLimit.defaults();
        return new ServerSettings(getServerUrl(), credentialsId, Duration.ofSeconds(min), Duration.ofSeconds(max),
                rate, caCertificates);
    }

    public String getServerUrl() {
        return serverUrl == null ? CircleCiClient.DEFAULT_BASE_URL : serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        String s = Blank.toNull(serverUrl);
        this.serverUrl = s == null ? CircleCiClient.DEFAULT_BASE_URL : s;
        save();
    }

    public String getCaCertificates() {
        return caCertificates;
    }

    /** Saved as given (checked by the form and when a client is built), so a bad paste can be seen and fixed. */
    @DataBoundSetter
    public void setCaCertificates(String caCertificates) {
        this.caCertificates = Blank.toNull(caCertificates);
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Blank.toNull(credentialsId);
        save();
    }

    public int getMinPollInterval() {
        return minPollInterval;
    }

    @DataBoundSetter
    public void setMinPollInterval(int seconds) {
        this.minPollInterval = seconds;
        save();
    }

    public int getMaxPollInterval() {
        return maxPollInterval;
    }

    @DataBoundSetter
    public void setMaxPollInterval(int seconds) {
        this.maxPollInterval = seconds;
        save();
    }

    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    @DataBoundSetter
    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
        save();
    }

    public int getBurst() {
        return burst;
    }

    @DataBoundSetter
    public void setBurst(int burst) {
        this.burst = burst;
        save();
    }

    public String getWebhookSecretCredentialsId() {
        return webhookSecretCredentialsId;
    }

    @DataBoundSetter
    public void setWebhookSecretCredentialsId(String webhookSecretCredentialsId) {
        this.webhookSecretCredentialsId = Blank.toNull(webhookSecretCredentialsId);
        save();
    }

    /**
     * The signing secret CircleCI's webhooks must be signed with, or null while webhooks are off (then without any
     * credentials lookup). Looked up at most once a minute, and again after every save of this configuration.
     */
    public String webhookSigningSecret() {
        return webhookSecret.signingSecret(webhookSecretCredentialsId);
    }

    /** Every setter and the form save through here: a newly chosen signing secret applies to the next delivery. */
    @Override
    public synchronized void save() {
        webhookSecret.forget();
        super.save();
    }

    /**
     * Binds the submitted form through the setters within one {@link BulkChange}: their saves are deferred (Jenkins'
     * {@code Descriptor.save()} skips a saveable inside a bulk change) and the configuration is written once, through
     * {@link #save()}, when all fields are set.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        try (BulkChange bulk = new BulkChange(this)) {
            req.bindJSON(this, json);
            bulk.commit();
        } catch (IOException e) {
            // Only declared: Descriptor.save() logs a failed write itself, as here, and does not throw.
            LOGGER.log(Level.WARNING, "Failed to save the CircleCI settings", e);
        }
        return true;
    }

    @POST
    @Restricted(NoExternalUse.class)
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String serverUrl,
            @QueryParameter String credentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return CircleCiTokens.currentValueOnly(credentialsId);
        }
        return CircleCiTokens.choicesFor(null, credentialsId, serverOrDefault(serverUrl));
    }

    /** Default credentials a build cannot see (System-scoped, or missing) are an error here, not in every build. */
    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckCredentialsId(@QueryParameter String value, @QueryParameter String serverUrl) {
        if (!isAdmin() || Blank.toNull(value) == null) {
            return FormValidation.ok();
        }
        return CircleCiTokens.check(null, value, serverOrDefault(serverUrl));
    }

    /**
     * Calls CircleCI's {@code /me} once with the chosen credentials and shows whose token it is, warning when builds
     * cannot see those credentials; trusts the CA certificates in the form (saved or not) for the server in the form.
     */
    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doTestConnection(@QueryParameter String serverUrl, @QueryParameter String credentialsId,
            @QueryParameter String caCertificates) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String url = serverOrDefault(serverUrl);
        FormValidation urlCheck = GlobalSettingsValidation.serverUrl(url);
        if (urlCheck.kind == FormValidation.Kind.ERROR) {
            return urlCheck;
        }
        String id = Blank.toNull(credentialsId);
        if (id == null) {
            return FormValidation.error("Select the credentials to test.");
        }
        StringCredentials c = CircleCiTokens.jenkinsWide(id, CircleCiTokens.requirements(url)).orElse(null);
        if (c == null) {
            return FormValidation.error("No Secret text credentials with ID '" + id + "' exist for " + url + ".");
        }
        ServerSettings saved = settings();
        ServerSettings inForm = new ServerSettings(url, saved.credentialsId(), saved.minPollInterval(),
                saved.maxPollInterval(), saved.rateLimit(), Blank.toNull(caCertificates));
        return ConnectionCheck.run(() -> CircleCiServers.client(url, c.getSecret().getPlainText(), inForm), url, id,
                c.getScope());
    }

    @POST
    @Restricted(NoExternalUse.class)
    public ListBoxModel doFillWebhookSecretCredentialsIdItems(@QueryParameter String webhookSecretCredentialsId) {
        return isAdmin() ? WebhookSecrets.choices(webhookSecretCredentialsId)
                : CircleCiTokens.currentValueOnly(webhookSecretCredentialsId);
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckWebhookSecretCredentialsId(@QueryParameter String value) {
        return isAdmin() ? WebhookSecrets.check(value) : FormValidation.ok();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckServerUrl(@QueryParameter String value) {
        return isAdmin() ? GlobalSettingsValidation.serverUrl(value) : FormValidation.ok();
    }

    /** Describes the pasted certificates; they are public, but only admins configure them. */
    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckCaCertificates(@QueryParameter String value) {
        return isAdmin() ? GlobalSettingsValidation.caCertificates(value, Instant.now()) : FormValidation.ok();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckMinPollInterval(@QueryParameter String value) {
        return isAdmin() ? GlobalSettingsValidation.minPollInterval(value) : FormValidation.ok();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckMaxPollInterval(@QueryParameter String value,
            @QueryParameter String minPollInterval) {
        return isAdmin() ? GlobalSettingsValidation.maxPollInterval(value, minPollInterval) : FormValidation.ok();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckRequestsPerSecond(@QueryParameter String value) {
        return isAdmin() ? GlobalSettingsValidation.requestsPerSecond(value) : FormValidation.ok();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckBurst(@QueryParameter String value) {
        return isAdmin() ? GlobalSettingsValidation.burst(value) : FormValidation.ok();
    }

    private static boolean isAdmin() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }

    private String serverOrDefault(String value) {
        String s = Blank.toNull(value);
        return s != null ? s : getServerUrl();
    }
}
