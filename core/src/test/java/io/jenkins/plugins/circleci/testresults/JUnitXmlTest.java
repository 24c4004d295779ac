package io.jenkins.plugins.circleci.testresults;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.model.TestCase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML a test report reads, checked with the JDK's own XML parser. */
class JUnitXmlTest {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static TestCase test(String classname, String name, String result, String message) {
        return new TestCase(name, classname, "src/T.java", result, message, "junit", 0.25);
    }

    @Test
    void passesFailuresAndSkipsBecomeAJUnitSuite() throws Exception {
        JobTestResults job = new JobTestResults("build", "test", 7, List.of(
                test("com.acme.CartTest", "total", "success", null),
                test("com.acme.CartTest", "addsItem", "failure", "expected: <3> but was: <2>\n\tat CartTest.java:12"),
                test("com.acme.CartTest", "later", "skipped", null),
                test("", "no class", "error", "boom")), true);
        Element suite = parse(JUnitXml.of(job)).getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("build/test");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(Double.parseDouble(suite.getAttribute("time"))).isEqualTo(1.0);
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element failed = (Element) cases.item(1);
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("expected: <3> but was: <2>");
        assertThat(failure.getTextContent()).isEqualTo("expected: <3> but was: <2>\n\tat CartTest.java:12");
        assertThat(((Element) cases.item(2)).getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(((Element) cases.item(3)).getAttribute("classname")).as("no class: the job's name")
                .isEqualTo("test");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void markupAndCharactersXmlCannotCarryAreEscapedOrDropped() throws Exception {
        JobTestResults job = new JobTestResults("w&\"<>", "j", 1, List.of(
                test("a<b>&\"c", "n\u0000ame\u001b[31m", "failure", "x < y && \"z\" \u0007bell\r\nnext")), true);
        Element suite = parse(JUnitXml.of(job)).getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("w&\"<>/j");
        Element c = (Element) suite.getElementsByTagName("testcase").item(0);
        assertThat(c.getAttribute("classname")).isEqualTo("a<b>&\"c");
        assertThat(c.getAttribute("name")).isEqualTo("name[31m");
        assertThat(c.getElementsByTagName("failure").item(0).getTextContent()).isEqualTo("x < y && \"z\" bell\nnext");
    }

    @Test
    void aHugeMessageIsCut() throws Exception {
        JobTestResults job = new JobTestResults("w", "j", 1, List.of(test("c", "n", "failure",
                "m".repeat(100_000))), true);
        String text = parse(JUnitXml.of(job)).getElementsByTagName("failure").item(0).getTextContent();
        assertThat(text).hasSize(JUnitXml.MAX_MESSAGE + 1).endsWith("…");
    }
}
