package io.jenkins.plugins.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stapler reads {@code ${%Text(a, b)}} as the message key "Text" with the JEXL expressions {@code a} and {@code b} as
 * its arguments, parsed when the view is compiled. So a parenthesis in a form title either breaks the whole view (the
 * bracketed words are no expression: the Snippet Generator form does not load) or silently drops the bracketed text.
 * The plugin passes no arguments to its texts, so none of them may contain a parenthesis. Where the real Stapler jars
 * are at hand, plugin-offline's RealJellyParserTest also compiles every view with Stapler's own parser.
 */
class JellyI18nTextTest {

    private static List<JellyViews.I18nText> withParenthesis(Path view) {
        return JellyViews.i18nTexts(view).stream().filter(t -> t.text().contains("(")).toList();
    }

    @Test
    void noLocalizableTextOfAnyViewHasAParenthesis() {
        List<Path> views = JellyViews.all();
        List<JellyViews.I18nText> texts = views.stream().flatMap(v -> JellyViews.i18nTexts(v).stream()).toList();
        assertThat(texts).as("localizable texts in %s", views).hasSizeGreaterThan(40);

        assertThat(views.stream().flatMap(v -> withParenthesis(v).stream()).toList())
                .as("texts Stapler would read as a key followed by arguments; reword them without parentheses, "
                        + "e.g. \"Minimum poll interval, in seconds\"")
                .isEmpty();
    }

    /** The check finds what it is meant to find, in attributes and in text, and nothing else. */
    @Test
    void theCheckFindsAParenthesisInsideAnI18nExpressionOnly(@TempDir Path dir) throws IOException {
        Path view = dir.resolve("config.jelly");
        Files.writeString(view, """
                <j:jelly xmlns:j="jelly:core" xmlns:f="/lib/form">
                  <f:entry title="${%Minimum poll interval (seconds)}"><f:textbox/></f:entry>
                  <f:entry title="${%Timeout}"><f:textbox value="${instance.timeout(1)}"/></f:entry>
                  ${%CircleCI pipeline} #${p.number} (${p.project})
                  <p>${%Needs the JUnit plugin (optional)}</p>
                </j:jelly>
                """);

        assertThat(JellyViews.i18nTexts(view)).extracting(JellyViews.I18nText::text)
                .containsExactly("Minimum poll interval (seconds)", "Timeout", "CircleCI pipeline",
                        "Needs the JUnit plugin (optional)");
        assertThat(withParenthesis(view)).extracting(JellyViews.I18nText::line).containsExactly(2, 5);
    }
}
