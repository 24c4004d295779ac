package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.error.ForbiddenException;
import io.jenkins.plugins.circleci.api.error.ServerErrorException;
import io.jenkins.plugins.circleci.api.model.WorkflowDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DurationHistoryTest {
    private static final WorkflowDuration BUILD = new WorkflowDuration("build", Duration.ofMinutes(10),
            Duration.ofMinutes(11));
    private final DurationHistory cache = new DurationHistory();
    private final FakeCircleCi circleci = new FakeCircleCi().durations(BUILD);

    @Test
    void oneRequestPerProjectAndBranchAskedAgainAfterFiveMinutes() {
        assertThat(cache.lookup(circleci, SLUG, "main", T0).byWorkflow()).containsEntry("build", BUILD);
        assertThat(cache.lookup(circleci, SLUG, "main", T0.plusSeconds(299)).status())
                .isEqualTo(DurationHistory.Status.KNOWN);
        assertThat(circleci.calls("workflowDurations")).isEqualTo(1);
        cache.lookup(circleci, SLUG, "develop", T0);
        cache.lookup(circleci, "gh/acme/other", "main", T0);
        assertThat(circleci.calls("workflowDurations")).isEqualTo(3);
        cache.lookup(circleci, SLUG, "main", T0.plus(DurationHistory.FRESH_FOR));
        assertThat(circleci.calls("workflowDurations")).isEqualTo(4);
    }

    @Test
    void eachHostAndTokenHasItsOwnEntries() {
        FakeCircleCi otherToken = new FakeCircleCi();
        cache.lookup(circleci, SLUG, "main", T0);
        assertThat(cache.lookup(otherToken, SLUG, "main", T0).status()).isEqualTo(DurationHistory.Status.NONE);
        assertThat(otherToken.calls("workflowDurations")).isEqualTo(1);
    }

    @Test
    void aRefusalIsRememberedForAnHourAFailureForAMinute() {
        circleci.durationsFail(new ForbiddenException("403", "", 403, "Forbidden", "GET", "/insights/x"));
        assertThat(cache.lookup(circleci, SLUG, "main", T0)).isEqualTo(DurationHistory.Lookup.NONE);
        cache.lookup(circleci, SLUG, "main", T0.plus(Duration.ofMinutes(59)));
        assertThat(circleci.calls("workflowDurations")).isEqualTo(1);
        circleci.durationsFail(new ServerErrorException("503", "", 503, "Service unavailable", "GET", "/insights/x"));
        Instant later = T0.plus(DurationHistory.REFUSED_FOR);
        assertThat(cache.lookup(circleci, SLUG, "main", later).status()).isEqualTo(DurationHistory.Status.NONE);
        cache.lookup(circleci, SLUG, "main", later.plusSeconds(59));
        assertThat(circleci.calls("workflowDurations")).isEqualTo(2);
        circleci.durationsFail(null);
        assertThat(cache.lookup(circleci, SLUG, "main", later.plusSeconds(60)).status())
                .isEqualTo(DurationHistory.Status.KNOWN);
    }

    @Test
    void whileOneWaitAsksTheOthersAreToldItIsPendingInsteadOfWaiting() {
        AtomicReference<DurationHistory.Lookup> seenMeanwhile = new AtomicReference<>();
        FakeCircleCi slow = new FakeCircleCi().durations(BUILD);
        slow.onWorkflowDurations(() -> seenMeanwhile.set(cache.lookup(slow, SLUG, "main", T0)));
        assertThat(cache.lookup(slow, SLUG, "main", T0).status()).isEqualTo(DurationHistory.Status.KNOWN);
        assertThat(seenMeanwhile.get()).isEqualTo(DurationHistory.Lookup.PENDING);
    }

    @Test
    void expiredEntriesAreDroppedOnceManyBranchesWereSeen() {
        for (int i = 0; i < DurationHistory.PRUNE_ABOVE; i++) {
            cache.lookup(circleci, SLUG, "feature-" + i, T0);
        }
        assertThat(cache.size(circleci)).isEqualTo(DurationHistory.PRUNE_ABOVE);
        cache.lookup(circleci, SLUG, "main", T0.plus(DurationHistory.FRESH_FOR));
        assertThat(cache.size(circleci)).isEqualTo(1);
    }

    @Test
    void ownRunsAnswerOnceThereAreEnoughBeforeInsights() {
        cache.learn(circleci, SLUG, "main", "build", Duration.ofMinutes(6));
        cache.learn(circleci, SLUG, "main", "build", Duration.ofMinutes(7));
        assertThat(cache.lookup(circleci, SLUG, "main", T0).byWorkflow()).containsEntry("build", BUILD);

        cache.learn(circleci, SLUG, "main", "build", Duration.ofMinutes(5));
        assertThat(cache.lookup(circleci, SLUG, "main", T0.plusSeconds(1)).byWorkflow()).containsEntry("build",
                new WorkflowDuration("build", Duration.ofMinutes(6), Duration.ofMinutes(7)));
        // Another branch, another host or token: nothing learned there.
        assertThat(cache.lookup(circleci, SLUG, "develop", T0).byWorkflow()).containsEntry("build", BUILD);
        assertThat(cache.lookup(new FakeCircleCi(), SLUG, "main", T0).status())
                .isEqualTo(DurationHistory.Status.NONE);
    }

    @Test
    void ownRunsStandInWhereInsightsIsRefused() {
        circleci.durationsFail(new ForbiddenException("403", "", 403, "Forbidden", "GET", "/insights/x"));
        for (int i = 0; i < DurationHistory.LEARNED_ENOUGH; i++) {
            cache.learn(circleci, SLUG, null, "deploy", Duration.ofMinutes(2));
        }
        DurationHistory.Lookup found = cache.lookup(circleci, SLUG, null, T0);
        assertThat(found.status()).isEqualTo(DurationHistory.Status.KNOWN);
        assertThat(found.byWorkflow()).containsOnlyKeys("deploy");
        // Still refused for an hour: the own runs answer without another request.
        assertThat(cache.lookup(circleci, SLUG, null, T0.plusSeconds(600)).status())
                .isEqualTo(DurationHistory.Status.KNOWN);
        assertThat(circleci.calls("workflowDurations")).isEqualTo(1);
    }

    @Test
    void onlyTheLatestOwnRunsCountAndTheirP95IsNearestRank() {
        for (int minutes = 1; minutes <= DurationHistory.LEARNED_RUNS + 5; minutes++) {
            cache.learn(circleci, SLUG, "main", "build", Duration.ofMinutes(minutes));
        }
        // Runs of 6..25 minutes are kept: median 15.5 min, p95 the 19th of 20, 24 min.
        assertThat(cache.lookup(circleci, SLUG, "main", T0).byWorkflow().get("build")).isEqualTo(
                new WorkflowDuration("build", Duration.ofSeconds(930), Duration.ofMinutes(24)));
        cache.learn(circleci, SLUG, "main", "build", Duration.ZERO);
        cache.learn(circleci, SLUG, "main", "build", Duration.ofMinutes(-1));
        assertThat(cache.lookup(circleci, SLUG, "main", T0).byWorkflow().get("build").median())
                .isEqualTo(Duration.ofSeconds(930));
    }

    @Test
    void noRunsIsNoHistory() {
        assertThat(cache.lookup(new FakeCircleCi(), SLUG, null, T0)).isEqualTo(DurationHistory.Lookup.NONE);
    }
}
