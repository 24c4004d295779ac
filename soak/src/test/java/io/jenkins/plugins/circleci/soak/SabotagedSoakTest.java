package io.jenkins.plugins.circleci.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The soak fails when the product misbehaves: the same short soak, with the client's requests passing through a
 * saboteur, reports what the saboteur did, with the case's seed and history.
 */
class SabotagedSoakTest {
    private static final SoakSettings SETTINGS = new SoakSettings("fault soak", 31, 25, Duration.ofMinutes(5), 0,
            0.03, false, 2, 0.25);

    @Test
    void aTriggerSentAgainAfterItsAnswerWasLostIsADuplicate() throws Exception {
        // Every trigger's first answer is lost on its way back (as when the connection drops after CircleCI acted),
        // and a naive client sends the trigger again. Deterministic: it does not wait for the seeded faults to hit a
        // trigger, which depends on the order concurrent requests reach the simulator.
        Interceptor resendTriggers = chain -> {
            Request request = chain.request();
            if (!request.method().equals("POST") || !request.url().encodedPath().endsWith("/pipeline")) {
                return chain.proceed(request);
            }
            try (Response lost = chain.proceed(request)) {
                lost.body().bytes(); // read, then dropped: the client never sees it
            } catch (IOException lost) {
                // lost either way
            }
            return chain.proceed(request);
        };
        SoakResult result = new SoakRun(SETTINGS, resendTriggers).run();
        assertThat(result.count(SoakResult.Problem.DUPLICATE_TRIGGER)).as(result.summary()).isPositive();
        assertThat(result.problems().get(SoakResult.Problem.DUPLICATE_TRIGGER).get(0))
                .contains("seed 31", "pipelines were created by one trigger", "replay:", "history:", "requests:");
    }

    @Test
    void anApprovalSentAgainAfterItsAnswerWasLostIsADuplicateApproval() throws Exception {
        // Every approval's first answer is lost after CircleCI carried it out, and a naive client sends it again.
        Interceptor resendApprovals = chain -> {
            Request request = chain.request();
            if (!request.method().equals("POST") || !request.url().encodedPath().contains("/approve/")) {
                return chain.proceed(request);
            }
            try (Response lost = chain.proceed(request)) {
                lost.body().bytes();
            } catch (IOException lost) {
                // lost either way
            }
            return chain.proceed(request);
        };
        SoakSettings approvals = new SoakSettings("fault soak", 32, 20, Duration.ofMinutes(5), 0, 0, false, 2, 0.25,
                java.util.List.of("approve"));
        SoakResult result = new SoakRun(approvals, resendApprovals).run();
        assertThat(result.count(SoakResult.Problem.DUPLICATE_APPROVAL)).as(result.summary()).isPositive();
        assertThat(result.problems().get(SoakResult.Problem.DUPLICATE_APPROVAL).get(0))
                .contains("seed 32", "was approved again", "replay:", "--kinds approve", "/approve/");
    }

    @Test
    void aTokenInALogRecordIsASecretFound() throws Exception {
        Logger productLog = Logger.getLogger("io.jenkins.plugins.circleci.api.http.ApiTransport");
        Interceptor leak = chain -> {
            productLog.log(Level.FINE, "sending with " + chain.request().header("Circle-Token"));
            return chain.proceed(chain.request());
        };
        SoakResult result = new SoakRun(SETTINGS, leak).run();
        assertThat(result.count(SoakResult.Problem.SECRET_FOUND)).as(result.summary()).isPositive();
        assertThat(result.problems().get(SoakResult.Problem.SECRET_FOUND).get(0)).contains("log record")
                .contains("<SECRET>").doesNotContain("CCIPAT_soak");
    }
}
