package io.jenkins.plugins.circleci.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hold options: parsing, the checks made before anything is triggered, and states saved by older versions. */
class HoldOptionsTest {

    @Test
    void unstableIsAnOnHoldPolicy() {
        assertThat(OnHoldPolicy.parse(" Unstable ")).isEqualTo(OnHoldPolicy.UNSTABLE);
        assertThatThrownBy(() -> OnHoldPolicy.parse("approve"))
                .hasMessage("'approve' is not an on-hold policy; use wait, fail, succeed or unstable.");
    }

    @Test
    void aHoldTimeoutMustBePositive() {
        assertThatThrownBy(() -> WatchOptions.builder().holdTimeout(Duration.ZERO))
                .hasMessageContaining("The hold timeout must be positive");
        assertThatThrownBy(() -> WatchOptions.builder().holdTimeout(Duration.ofMinutes(-5)))
                .hasMessageContaining("The hold timeout must be positive");
        assertThat(WatchOptions.builder().holdTimeout(null).build().holdTimeout()).isEmpty();
    }

    @Test
    void aHoldTimeoutNeedsThePolicyWait() {
        for (OnHoldPolicy policy : List.of(OnHoldPolicy.FAIL, OnHoldPolicy.SUCCEED, OnHoldPolicy.UNSTABLE)) {
            WatchOptions.Builder b = WatchOptions.builder().onHold(policy).holdTimeout(Duration.ofMinutes(30));
            assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs the on-hold policy wait, not " + policy.name().toLowerCase());
        }
        assertThat(WatchOptions.builder().holdTimeout(Duration.ofMinutes(30)).build().holdTimeout())
                .contains(Duration.ofMinutes(30));
    }

    @Test
    void approveKeepsTrimmedNamesInOrderAndDropsBlanks() {
        WatchOptions o = WatchOptions.builder().approve(Arrays.asList(" hold-for-prod ", "", null, "qa")).build();
        assertThat(o.approve()).containsExactly("hold-for-prod", "qa");
        assertThat(o.toBuilder().build().approve()).containsExactly("hold-for-prod", "qa");
        assertThat(WatchOptions.defaults().approve()).isEmpty();
    }

    @Test
    void theNewOptionsSurviveJavaSerialization() {
        WatchOptions o = WatchOptions.builder().holdTimeout(Duration.ofMinutes(30)).approve(List.of("hold")).build();
        WatchOptions copy = Serialization.load(Serialization.save(o));
        assertThat(copy.holdTimeout()).contains(Duration.ofMinutes(30));
        assertThat(copy.approve()).containsExactly("hold");
    }

    /** Saved by the version before these options existed (resources: base64 of its Java serialization). */
    @Test
    void optionsSavedBeforeTheHoldOptionsLoadWithTheirDefaults() throws IOException {
        WatchOptions old = Serialization.load(saved("watch-options-before-approvals.b64"));
        assertThat(old.onHold()).isEqualTo(OnHoldPolicy.WAIT);
        assertThat(old.timeout()).isEqualTo(Duration.ofHours(2));
        assertThat(old.holdTimeout()).isEmpty();
        assertThat(old.approve()).isEmpty();
        assertThat(old.toBuilder().build().approve()).isEmpty();
    }

    @Test
    void aStateSavedBeforeApprovalsLoadsWithNoneAndCanRecordOne() throws IOException {
        WatchState old = Serialization.load(saved("watch-state-before-approvals.b64"));
        assertThat(old.pipelineNumber()).isEqualTo(42);
        assertThat(old.workflowStatuses()).containsEntry("w1", "on_hold");
        assertThat(old.graceStarts()).containsKey("hold:w1");
        assertThat(old.approved()).isEmpty();
        assertThat(old).isEqualTo(old.withProgress(java.util.Map.of(), old.graceStarts(), java.util.Set.of()));
        WatchState approved = old.withApproved("a1");
        assertThat(approved.approved()).containsExactly("a1");
        assertThat(approved).isNotEqualTo(old);
        WatchState copy = Serialization.load(Serialization.save(approved));
        assertThat(copy.approved()).containsExactly("a1");
        assertThat(copy.withPipeline(42, "gh/acme/api", "created").approved()).containsExactly("a1");
    }

    private static byte[] saved(String resource) throws IOException {
        try (InputStream in = HoldOptionsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Base64.getMimeDecoder().decode(in.readAllBytes());
        }
    }
}
