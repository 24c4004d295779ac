package io.jenkins.plugins.circleci.endpoint;

import hudson.Extension;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.circleci.config.CircleCiGlobalConfiguration;
import io.jenkins.plugins.circleci.steps.WaitingSteps;
import io.jenkins.plugins.circleci.webhook.WebhookReceiver;
import io.jenkins.plugins.circleci.webhook.WebhookResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code /circleci-webhook/}: where CircleCI's outbound webhooks arrive. Reachable without any permission (CircleCI
 * has no Jenkins account), so it trusts nothing but a valid signature made with the configured signing secret, and
 * then only nudges the steps waiting on that pipeline. It exposes no getters, so nothing behind it is reachable.
 */
@Extension
public class CircleCiWebhookAction implements UnprotectedRootAction {
    public static final String URL_NAME = "circleci-webhook";

    private final WebhookReceiver receiver;

    public CircleCiWebhookAction() {
        this(new WebhookReceiver(() -> CircleCiGlobalConfiguration.get().webhookSigningSecret(),
                WaitingSteps::nudge));
    }

    CircleCiWebhookAction(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** Every method reaches here; the receiver answers anything but POST with 405. */
    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        WebhookResponse answer = receiver.receive(req.getMethod(), req::getHeader, req.getInputStream());
        rsp.setStatus(answer.status());
        rsp.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = rsp.getWriter();
        out.println(answer.message());
        out.flush();
    }
}
