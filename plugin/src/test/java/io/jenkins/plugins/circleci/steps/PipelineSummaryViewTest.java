package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.JellyViews;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The build page (Jenkins' Run/index.jelly) includes each action's summary.jelly inside its own {@code <table>}, whose
 * rows come from {@code <t:summary icon="…">} of /lib/hudson. So the CircleCI section is one t:summary with every
 * pipeline inside, and no table of its own. Runs everywhere; where ../shared exists, plugin-offline's
 * PipelineSummaryRenderTest also renders it with Stapler's real Jelly.
 */
class PipelineSummaryViewTest {

    private static Document view() throws Exception {
        Path file = JellyViews.classesRoot()
                .resolve("io/jenkins/plugins/circleci/steps/CircleCiPipelineAction/summary.jelly");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void theSectionIsOneSummaryRowHoldingEveryPipeline() throws Exception {
        Document view = view();

        assertThat(view.getElementsByTagNameNS("/lib/hudson", "summary").getLength()).isEqualTo(1);
        Element summary = (Element) view.getElementsByTagNameNS("/lib/hudson", "summary").item(0);
        assertThat(summary.getAttribute("icon")).as("a symbol of Jenkins core").matches("symbol-[a-z-]+");
        for (String cell : new String[] {"table", "tr", "td"}) {
            assertThat(view.getElementsByTagNameNS("*", cell).getLength()).as("<%s> in the view", cell).isZero();
        }

        Element eachPipeline = (Element) view.getElementsByTagNameNS("jelly:core", "forEach").item(0);
        assertThat(eachPipeline.getAttribute("items")).isEqualTo("${it.pipelines}");
        assertThat(isInside(eachPipeline, summary)).as("the pipelines are inside the summary row").isTrue();
        Element guard = (Element) summary.getParentNode();
        assertThat(guard.getLocalName()).isEqualTo("if");
        assertThat(guard.getAttribute("test")).as("no empty row for a build without pipelines")
                .isEqualTo("${!it.pipelines.isEmpty()}");
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node.getParentNode(); n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
