package io.jenkins.plugins.circleci.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.JellyViews;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.jelly.JellyException;
import org.apache.commons.jelly.Script;
import org.apache.commons.jexl.parser.ParseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.OfflineStaplerRequest;
import org.kohsuke.stapler.jelly.InternationalizedStringExpression;
import org.kohsuke.stapler.jelly.ResourceBundle;

/**
 * Where ../shared holds the real jars: every Jelly view of the plugin compiles with Stapler's own parser, the way
 * Jenkins compiles a view the first time it is shown (JellyClassTearOff: the class loader's JellyClassLoaderTearOff
 * creates the context, which compiles the script). A view Jenkins could not compile (a JEXL syntax error, a
 * {@code ${%…}} whose parenthesised words are no expression) fails here instead of in the Snippet Generator.
 * Jenkins core's taglibs (/lib/form, /lib/hudson, /lib/layout) are not on this class path; Stapler then keeps their tags
 * as plain elements, whose attributes it still compiles, so only their own bodies go unchecked.
 */
class RealJellyParserTest {
    private OfflineStaplerRequest request;

    @BeforeEach
    void serveARequest() {
        request = OfflineStaplerRequest.enter();
    }

    @AfterEach
    void endTheRequest() {
        request.close();
    }

    private static Script compile(Path view) throws JellyException, MalformedURLException {
        return StaplerJelly.compile(view);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void everyViewOfThePluginCompilesWithStaplersParser() throws MalformedURLException {
        List<Path> views = JellyViews.all();
        Map<String, String> failures = new TreeMap<>();
        List<Path> compiled = new ArrayList<>();
        for (Path view : views) {
            try {
                assertThat(compile(view)).as("script of %s", view).isNotNull();
                compiled.add(view);
            } catch (JellyException e) {
                failures.put(JellyViews.classesRoot().relativize(view).toString(), rootCause(e).toString());
            }
        }
        assertThat(failures).as("views Stapler cannot compile (Jenkins would fail to show them)").isEmpty();
        assertThat(compiled).isEqualTo(views);
    }

    /** Stapler's own class reads each text as a message key, whole, with no argument. */
    @Test
    void staplerReadsEveryLocalizableTextAsAKeyWithoutArguments() {
        ResourceBundle noMessages = new ResourceBundle("file:/nowhere/view");
        List<String> cut = new ArrayList<>();
        int seen = 0;
        for (Path view : JellyViews.all()) {
            for (JellyViews.I18nText text : JellyViews.i18nTexts(view)) {
                seen++;
                try {
                    InternationalizedStringExpression e = new InternationalizedStringExpression(noMessages,
                            "%" + text.text());
                    if (!e.key.equals(text.text()) || !e.getArguments().isEmpty()) {
                        cut.add(text + " -> key '" + e.key + "', " + e.getArguments().size() + " argument(s)");
                    }
                } catch (JellyException e) {
                    cut.add(text + " -> " + rootCause(e));
                }
            }
        }
        assertThat(seen).isGreaterThan(40);
        assertThat(cut).as("texts Stapler would cut into a key and arguments").isEmpty();
    }

    /** The two ways a parenthesis goes wrong, shown with Stapler's own parser, so the tests above can fail. */
    @Test
    void aParenthesisInALocalizableTextBreaksTheViewOrCutsTheText(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.jelly"), """
                <?jelly escape-by-default='true'?>
                <j:jelly xmlns:j="jelly:core" xmlns:f="/lib/form">
                  <f:checkbox title="${%Record the test results (needs the JUnit plugin)}"/>
                </j:jelly>
                """);
        assertThatThrownBy(() -> compile(broken)).isInstanceOf(JellyException.class)
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(ParseException.class));

        Path cut = Files.writeString(dir.resolve("cut.jelly"), """
                <?jelly escape-by-default='true'?>
                <j:jelly xmlns:j="jelly:core" xmlns:f="/lib/form">
                  <f:entry field="minPollInterval" title="${%Minimum poll interval (seconds)}"/>
                </j:jelly>
                """);
        assertThatCode(() -> compile(cut)).as("compiles, silently").doesNotThrowAnyException();
        InternationalizedStringExpression e = new InternationalizedStringExpression(
                new ResourceBundle("file:/nowhere/view"), "%Minimum poll interval (seconds)");
        assertThat(e.key).isEqualTo("Minimum poll interval ");
        assertThat(e.getArguments()).hasSize(1);
    }

    @Test
    void aJexlSyntaxErrorAnywhereFailsToo(@TempDir Path dir) throws IOException {
        Path view = Files.writeString(dir.resolve("view.jelly"), """
                <j:jelly xmlns:j="jelly:core">
                  <j:if test="${it.pipelines.isEmpty(}">nothing</j:if>
                </j:jelly>
                """);
        assertThatThrownBy(() -> compile(view)).isInstanceOf(JellyException.class);
    }
}
