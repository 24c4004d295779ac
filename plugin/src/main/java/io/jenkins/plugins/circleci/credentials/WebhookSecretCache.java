package io.jenkins.plugins.circleci.credentials;

import io.jenkins.plugins.circleci.Blank;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The webhooks' signing secret, looked up at most once a minute. {@code /circleci-webhook/} answers anyone, so
 * without this every request that looks signed would cost a credentials lookup; with it a flood costs one a minute.
 * While no credentials are chosen (webhooks off) nothing is looked up at all. Credentials that do not exist are
 * remembered as such for the same minute. {@link #forget()} (on every save of the global configuration) makes the
 * next delivery look again, so a newly chosen secret applies at once; a secret changed in the credentials store
 * applies within the minute.
 */
public final class WebhookSecretCache {
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

    private final UnaryOperator<String> lookup;
    private final Clock clock;
    private String cachedId;
    private String cachedSecret;
    private Instant lookedUpAt;

    public WebhookSecretCache() {
        this(WebhookSecrets::signingSecret, Clock.systemUTC());
    }

    /** @param lookup the secret of the credentials with an id, or null when there are none */
    WebhookSecretCache(UnaryOperator<String> lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    /**
     * The secret of the Secret text credentials {@code credentialsId}, or null when the id is blank or there are no
     * such credentials. Concurrent callers wait for one lookup rather than each making their own.
     */
    public synchronized String signingSecret(String credentialsId) {
        String id = Blank.toNull(credentialsId);
        if (id == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!id.equals(cachedId) || lookedUpAt == null || !now.isBefore(lookedUpAt.plus(TIME_TO_LIVE))) {
            cachedSecret = lookup.apply(id);
            cachedId = id;
            lookedUpAt = now;
        }
        return cachedSecret;
    }

    /** Looks the secret up again on the next call. */
    public synchronized void forget() {
        cachedId = null;
        cachedSecret = null;
        lookedUpAt = null;
    }
}
