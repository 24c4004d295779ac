package io.jenkins.plugins.circleci.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSecretCacheTest {
    private final ManualClock clock = new ManualClock();
    private final Map<String, String> store = new HashMap<>(Map.of("hook", "first-secret"));
    private final List<String> lookups = new ArrayList<>();
    private final WebhookSecretCache cache = new WebhookSecretCache(id -> {
        lookups.add(id);
        return store.get(id);
    }, clock);

    @Test
    void withoutCredentialsChosenNothingIsLookedUp() {
        assertThat(cache.signingSecret(null)).isNull();
        assertThat(cache.signingSecret("")).isNull();
        assertThat(cache.signingSecret("  ")).isNull();

        assertThat(lookups).isEmpty();
    }

    @Test
    void aFloodOfRequestsCostsOneLookupAMinute() {
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.signingSecret("hook")).isEqualTo("first-secret");
            clock.advance(Duration.ofMillis(50));
        }
        assertThat(lookups).as("1000 requests over 50 s").hasSize(1);

        store.put("hook", "second-secret");
        clock.advance(Duration.ofSeconds(10));
        assertThat(cache.signingSecret("hook")).as("a minute after the first lookup").isEqualTo("second-secret");
        assertThat(lookups).hasSize(2);
    }

    @Test
    void missingCredentialsAreRememberedForTheMinuteToo() {
        assertThat(cache.signingSecret("gone")).isNull();
        assertThat(cache.signingSecret("gone")).isNull();

        assertThat(lookups).containsExactly("gone");
    }

    @Test
    void anotherIdOrASavedConfigurationLooksAgainAtOnce() {
        store.put("other", "other-secret");
        assertThat(cache.signingSecret("hook")).isEqualTo("first-secret");
        assertThat(cache.signingSecret("other")).isEqualTo("other-secret");

        store.put("other", "rotated");
        cache.forget();
        assertThat(cache.signingSecret("other")).isEqualTo("rotated");

        assertThat(lookups).containsExactly("hook", "other", "other");
    }
}
