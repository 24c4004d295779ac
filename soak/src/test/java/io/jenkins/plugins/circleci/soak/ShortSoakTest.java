package io.jenkins.plugins.circleci.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short seeded soak in the normal build: a few hundred trigger-and-waits through the plugin's step, with faults and
 * restarts, each verdict compared with the simulator's account. Time is simulated, so a loaded machine makes it slower,
 * never different; any false outcome, duplicate trigger, endless wait, secret or unexpected error fails the build
 * with the seed and the case's history.
 */
class ShortSoakTest {
    private static final int WAITS = Integer.getInteger("soak.shortWaits", 60);
    /** Pipelines a quarter as long as the long run's: fewer polls per wait, every kind of case. */
    private static final double PACE = 0.25;

    @Test
    void theFaultSoakLosesNothing() throws Exception {
        SoakResult result = new SoakRun(new SoakSettings("fault soak", 11, WAITS, Duration.ofMinutes(5), 0, 0.01,
                false, 2, PACE)).run();
        System.out.print(result.summary());
        assertThat(result.clean()).as(result.summary()).isTrue();
        assertThat(result.waits()).isEqualTo(WAITS);
        assertThat(result.faultTotal()).as("faults were injected").isGreaterThan(WAITS / 2);
    }

    @Test
    void aRunOnOneSlotIsAFunctionOfItsSeed() throws Exception {
        SoakSettings settings = new SoakSettings("restart soak", 13, 20, Duration.ofMinutes(5), 0.6, 0.01, false, 1,
                PACE);
        SoakResult first = new SoakRun(settings).run();
        SoakResult again = new SoakRun(settings).run();
        assertThat(first.clean()).as(first.summary()).isTrue();
        assertThat(again.requests()).as("the same requests").isEqualTo(first.requests());
        assertThat(again.faults()).as("the same faults").isEqualTo(first.faults());
        assertThat(again.endings()).as("the same endings").isEqualTo(first.endings());
        assertThat(again.restarts()).isEqualTo(first.restarts());
        assertThat(again.simulated()).isEqualTo(first.simulated());
    }

    @Test
    void approvalGatesUnderEveryHoldOptionSurviveFaultsAndRestarts() throws Exception {
        // Every approval kind, so that the hold options are each exercised in a short run: onHold wait, fail,
        // succeed and unstable, hold timeouts that expire and that a person beats, approvals by the step that
        // CircleCI carries out or refuses, and names of gates that do not exist.
        SoakResult result = new SoakRun(new SoakSettings("restart soak", 14, 60, Duration.ofMinutes(5), 0.6, 0.01,
                false, 2, PACE, List.of("approval-wait", "approval-fail", "approval-succeed", "approval-unstable",
                        "hold-timeout", "approve", "approve", "approve"))).run();
        System.out.print(result.summary());
        assertThat(result.clean()).as(result.summary()).isTrue();
        assertThat(result.approvals()).as("the steps approved gates").isGreaterThan(5);
        assertThat(result.approvalsRefused()).as("CircleCI refused some").isPositive();
        assertThat(result.endings()).as(result.summary()).containsKeys("FAILURE/HOLD_TIMED_OUT", "UNSTABLE/ON_HOLD",
                "FAILURE/ON_HOLD", "SUCCESS/ON_HOLD", "SUCCESS/COMPLETED", "approval refused");
        assertThat(result.restarts()).as("steps were restarted while gates waited").isGreaterThan(10);
    }

    @Test
    void theRestartSoakLosesNothing() throws Exception {
        SoakResult result = new SoakRun(new SoakSettings("restart soak", 12, WAITS, Duration.ofMinutes(5), 0.6, 0.01,
                false, 2, PACE)).run();
        System.out.print(result.summary());
        assertThat(result.clean()).as(result.summary()).isTrue();
        assertThat(result.restarts()).as("steps were restarted").isGreaterThan(WAITS / 4);
        assertThat(result.restartsDuringTrigger()).as("some while the trigger was in flight").isPositive();
    }
}
