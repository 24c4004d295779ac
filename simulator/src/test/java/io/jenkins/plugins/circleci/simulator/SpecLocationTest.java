package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLocationTest {
    @TempDir
    Path root;

    private Path spec(Path dir) throws IOException {
        Path file = dir.resolve("shared/circleci/openapi-v2.json");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{}");
    }

    private static Properties property(String value) {
        Properties p = new Properties();
        p.setProperty(SpecLocation.PROPERTY, value);
        return p;
    }

    @Test
    void findsSharedBesideTheCloneAsCiLaysItOut() throws IOException {
        Path expected = spec(root);
        Path module = Files.createDirectories(root.resolve("clone/simulator"));

        SpecLocation found = SpecLocation.find(Map.of("CI", "true"), new Properties(), module);

        assertThat(found.spec()).contains(expected.toAbsolutePath());
        assertThat(found.problem()).isEmpty();
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() throws IOException {
        Path byProperty = Files.writeString(root.resolve("a.json"), "{}");
        Path byEnv = Files.writeString(root.resolve("b.json"), "{}");

        assertThat(SpecLocation.find(Map.of(SpecLocation.ENV, byEnv.toString()), property(byProperty.toString()), root)
                .spec()).contains(byProperty.toAbsolutePath());
        assertThat(SpecLocation.find(Map.of(SpecLocation.ENV, byEnv.toString()), new Properties(), root).spec())
                .contains(byEnv.toAbsolutePath());
    }

    @Test
    void aGivenPathThatIsNoFileIsAProblemEvenOutsideCi() {
        Path missing = root.resolve("nowhere.json");

        SpecLocation found = SpecLocation.find(Map.of(), property(missing.toString()), root);

        assertThat(found.spec()).isEmpty();
        assertThat(found.problem()).hasValueSatisfying(p -> assertThat(p).contains("-Dcircleci.spec", missing
                .toString(), "not a file"));
    }

    @Test
    void absentOutsideCiIsASkipButOnCiAFailureNamingWhereItLooked() throws IOException {
        Path module = Files.createDirectories(root.resolve("clone/simulator"));

        SpecLocation local = SpecLocation.find(Map.of(), new Properties(), module);
        SpecLocation onCi = SpecLocation.find(Map.of("CI", "true"), new Properties(), module);

        assertThat(local.spec()).isEmpty();
        assertThat(local.problem()).isEmpty();
        assertThat(onCi.problem()).hasValueSatisfying(p -> assertThat(p).contains("CI=true"));
        assertThat(onCi.describe()).contains(module.resolve("shared/circleci/openapi-v2.json").toString(),
                "-Dcircleci.spec=PATH", "$CIRCLECI_SPEC");
    }
}
