package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.JellyViews;
import io.jenkins.plugins.circleci.failure.FailedJob;
import io.jenkins.plugins.circleci.failure.FailedTest;
import io.jenkins.plugins.circleci.failure.FailureReport;
import io.jenkins.plugins.circleci.offline.StaplerJelly;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.OutcomeReason;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.OfflineStaplerRequest;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Where ../shared holds the real jars: the build page's CircleCI section rendered by Stapler's Jelly with a real
 * {@link CircleCiPipelineAction}. Jenkins' Run/index.jelly includes every action's summary.jelly inside its own
 * {@code <table>}, whose rows come from {@code <t:summary icon="…">} (xmlns:t="/lib/hudson"); that taglib is Jenkins
 * core's and not on this class path, so the t:summary element comes out as written, with its body rendered inside.
 */
class PipelineSummaryRenderTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String HUDSON_TAGLIB = "/lib/hudson";

    private OfflineStaplerRequest request;

    @BeforeEach
    void serveARequest() {
        request = OfflineStaplerRequest.enter();
    }

    @AfterEach
    void endTheRequest() {
        request.close();
    }

    private static Path summaryView() {
        return JellyViews.classesRoot().resolve("io/jenkins/plugins/circleci/steps/CircleCiPipelineAction/summary.jelly");
    }

    private static CircleCiPipelineAction twoPipelines() {
        CircleCiPipelineAction action = new CircleCiPipelineAction();
        FailedJob job = new FailedJob("w1", "build", "test", 7, "failed", Duration.ofSeconds(32),
                "https://app.circleci.com/jobs/7", List.of(new FailedTest("com.acme.CartTest", "addsItem",
                        "CartTest.java", List.of("expected: <3>", "but was: <2>"))), 3, true, null, List.of());
        action.recordFinished(new Outcome(BuildResult.FAILURE, OutcomeReason.COMPLETED, new PipelineSummary("p1", 42,
                "gh/acme/api", "created", "https://app.circleci.com/pipelines/github/acme/api/42"),
                List.of(new WorkflowSummary("w1", "build", "failed", "https://app.circleci.com/w/w1", T0,
                        T0.plusSeconds(133))), List.of(), "done"), new FailureReport(List.of(job), 0, List.of()));
        action.recordProgress(new PipelineSummary("p2", 43, "gh/acme/web", null, null), null);
        return action;
    }

    private static List<Element> elements(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < all.getLength(); i++) {
            found.add((Element) all.item(i));
        }
        NodeList plain = root.getElementsByTagName(localName);
        for (int i = 0; i < plain.getLength(); i++) {
            if (!found.contains(plain.item(i))) {
                found.add((Element) plain.item(i));
            }
        }
        return found;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    @Test
    void thePipelinesAreOneRowOfTheBuildSummary() throws Exception {
        Element rendered = StaplerJelly.render(summaryView(), twoPipelines());

        List<Element> top = childElements(rendered);
        assertThat(top).as("what the build page's table gets").hasSize(1);
        Element summary = top.get(0);
        assertThat(summary.getNamespaceURI()).isEqualTo(HUDSON_TAGLIB);
        assertThat(summary.getLocalName()).isEqualTo("summary");
        assertThat(summary.getAttribute("icon")).startsWith("symbol-");
        for (String cell : List.of("table", "tr", "td")) {
            assertThat(elements(rendered, cell)).as("<%s> of our own inside the build page's table", cell).isEmpty();
        }

        List<Element> pipelines = childElements(summary);
        assertThat(pipelines).hasSize(2);
        Element first = pipelines.get(0);
        Element link = elements(first, "a").get(0);
        assertThat(link.getAttribute("href")).isEqualTo("https://app.circleci.com/pipelines/github/acme/api/42");
        assertThat(link.getTextContent()).isEqualTo("CircleCI pipeline #42 (gh/acme/api)");
        assertThat(first.getTextContent()).contains(": FAILURE", "workflow build", "failed\u00a0(2m13s)",
                "job test #7", "failed\u00a0(32s)", "com.acme.CartTest.addsItem", "and 2 more");
        // Escaped by the view (escape-by-default), then written as is by Stapler's HTML output: shown as text.
        assertThat(first.getTextContent()).contains("expected: &lt;3>\nbut was: &lt;2>");
        assertThat(elements(first, "3")).as("a test message is text, not markup").isEmpty();
        assertThat(pipelines.get(1).getTextContent()).contains("CircleCI pipeline #43 (gh/acme/web)");
        assertThat(elements(pipelines.get(1), "a")).as("no link without a URL").isEmpty();
    }

    @Test
    void aBuildWithoutPipelinesAddsNoRow() throws Exception {
        Element rendered = StaplerJelly.render(summaryView(), new CircleCiPipelineAction());

        assertThat(childElements(rendered)).isEmpty();
        assertThat(rendered.getTextContent()).isBlank();
    }
}
