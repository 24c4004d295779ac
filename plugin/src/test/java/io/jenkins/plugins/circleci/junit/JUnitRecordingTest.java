package io.jenkins.plugins.circleci.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.testresults.CollectedTestResults;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JUnit plugin is optional: its absence is found without loading its classes, and said, never thrown. */
class JUnitRecordingTest {

    @Test
    void aMissingClassIsFoundMissingWithoutAnError() {
        assertThat(JUnitRecording.available("hudson.tasks.junit.NoSuchClass", getClass().getClassLoader())).isFalse();
        assertThat(JUnitRecording.available("java.lang.String", getClass().getClassLoader())).isTrue();
    }

    @Test
    void withoutTestResultsItSaysSoAndRecordsNothing() {
        List<String> lines = JUnitRecording.record(null, new CollectedTestResults(List.of(), List.of("a warning")),
                null);
        assertThat(lines).contains("WARNING: a warning");
        assertThat(lines.get(lines.size() - 1)).satisfiesAnyOf(
                l -> assertThat(l).contains("CircleCI reported no test results"),
                l -> assertThat(l).contains("the JUnit plugin is not installed"));
    }

    @Test
    void aPluggableStorageIsNamedAndNothingIsClaimedRecorded() {
        String line = JUnitRecording.pluggableStorage("io.jenkins.plugins.junit.storage.sql.SqlTestResultStorage");
        assertThat(line).startsWith("junit: true recorded nothing: ")
                .contains("pluggable storage (io.jenkins.plugins.junit.storage.sql.SqlTestResultStorage)")
                .contains("\"Local file system\"").doesNotContain("Recorded ");
        assertThat(JUnitRecording.pluggableStorage(null)).contains("pluggable storage (none configured)");
    }
}
