package io.jenkins.plugins.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.config.CircleCiGlobalConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plugin's Jelly views as the build packages them (the class path root its classes and resources are copied to),
 * and the localizable texts in them, for tests that check what Stapler will make of them.
 */
public final class JellyViews {
    private JellyViews() {}

    /** One {@code ${%…}} expression: the file, its line and the text after the {@code %}. */
    public record I18nText(Path view, int line, String text) {
        @Override
        public String toString() {
            return view + ":" + line + ": ${%" + text + "}";
        }
    }

    /** Where the plugin's classes and resources are (target/classes): the views are read from there. */
    public static Path classesRoot() {
        try {
            Path root = Path.of(CircleCiGlobalConfiguration.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            assertThat(root).as("the plugin's classes and resources, a directory when tests run").isDirectory();
            return root;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every .jelly file of the plugin, sorted; at least the ones this project is known to have. */
    public static List<Path> all() {
        Path root = classesRoot();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> views = files.filter(f -> f.toString().endsWith(".jelly")).sorted().toList();
            assertThat(views).as("Jelly views under %s", root)
                    .contains(root.resolve("io/jenkins/plugins/circleci/steps/CircleCiTriggerStep/config.jelly"),
                            root.resolve("io/jenkins/plugins/circleci/config/CircleCiGlobalConfiguration/config.jelly"),
                            root.resolve("io/jenkins/plugins/circleci/steps/CircleCiPipelineAction/summary.jelly"));
            return views;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code ${%…}} of one view, read up to its closing brace (nested braces counted). */
    public static List<I18nText> i18nTexts(Path view) {
        String source;
        try {
            source = Files.readString(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<I18nText> texts = new ArrayList<>();
        for (int start = source.indexOf("${%"); start >= 0; start = source.indexOf("${%", start + 3)) {
            int depth = 1;
            int end = start + 2;
            while (depth > 0) {
                end++;
                if (end >= source.length()) {
                    throw new AssertionError(view + ": an unclosed ${% at offset " + start);
                }
                char c = source.charAt(end);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            int line = (int) source.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
            texts.add(new I18nText(view, line, source.substring(start + 3, end)));
        }
        return texts;
    }
}
