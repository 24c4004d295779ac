package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The scenario examples in docs/simulator.md are real scenarios: they read without error. */
class DocsExamplesTest {

    private static Optional<Path> docs() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/simulator.md");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<String> blocks(String markdown, String language) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyYamlAndJsonScenarioInTheDocsReads() throws IOException {
        Optional<Path> docs = docs();
        Assumptions.assumeTrue(docs.isPresent(), "docs/simulator.md not found");
        String markdown = Files.readString(docs.get());
        List<String> yaml = blocks(markdown, "yaml");
        List<String> json = blocks(markdown, "json");
        assertThat(yaml).isNotEmpty();
        assertThat(json).isNotEmpty();
        for (String block : yaml) {
            assertThat(Scenario.fromYaml(block).projects()).isNotEmpty();
        }
        for (String block : json) {
            assertThat(Scenario.fromJson(block).projects()).isNotEmpty();
        }
        Scenario fromYaml = Scenario.fromYaml(yaml.get(0));
        Scenario fromJson = Scenario.fromJson(json.get(0));
        for (String slug : List.of("gh/acme/api", "gh/acme/dynamic", "gh/acme/broken", "gh/acme/filtered", "gh/acme/skipped")) {
            assertThat(fromJson.project(slug)).as("JSON and YAML examples agree on " + slug)
                    .isEqualTo(fromYaml.project(slug));
        }
    }
}
