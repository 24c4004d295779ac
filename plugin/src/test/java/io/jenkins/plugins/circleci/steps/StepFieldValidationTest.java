package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import org.junit.jupiter.api.Test;

/** The Snippet Generator's messages for each step field. */
class StepFieldValidationTest {

    @Test
    void project() {
        assertThat(StepFieldValidation.project("gh/acme/api").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(StepFieldValidation.project("circleci/8e4z1Akd/7K8nq2Rm").kind).isEqualTo(FormValidation.Kind.OK);

        FormValidation blank = StepFieldValidation.project(" ");
        assertThat(blank.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(blank.getMessage()).contains("project slug");

        FormValidation twoParts = StepFieldValidation.project("acme/api");
        assertThat(twoParts.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(twoParts.getMessage()).contains("exactly three parts").contains("circleci/");

        FormValidation badVcs = StepFieldValidation.project("gl/acme/api");
        assertThat(badVcs.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(badVcs.getMessage()).contains("not a CircleCI VCS prefix");
    }

    @Test
    void timeout() {
        assertThat(StepFieldValidation.timeout("30m").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(StepFieldValidation.timeout("1h30m").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation empty = StepFieldValidation.timeout("");
        assertThat(empty.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(empty.getMessage()).contains("24 hours");

        FormValidation words = StepFieldValidation.timeout("ten minutes");
        assertThat(words.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(words.getMessage()).contains("not a duration").contains("30m");
        assertThat(StepFieldValidation.timeout("0s").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void holdTimeout() {
        assertThat(StepFieldValidation.holdTimeout("30m", "").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(StepFieldValidation.holdTimeout("2h", "wait").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation empty = StepFieldValidation.holdTimeout("", "fail");
        assertThat(empty.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(empty.getMessage()).contains("only the timeout");
        assertThat(StepFieldValidation.holdTimeout("0s", "").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(StepFieldValidation.holdTimeout("-5m", "").getMessage()).contains("negative");
        assertThat(StepFieldValidation.holdTimeout("soon", "").getMessage()).contains("not a duration");
        FormValidation withFail = StepFieldValidation.holdTimeout("30m", "unstable");
        assertThat(withFail.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(withFail.getMessage()).contains("not &#039;unstable&#039;");
    }

    @Test
    void definitionId() {
        assertThat(StepFieldValidation.definitionId("").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(StepFieldValidation.definitionId("9b0b4a5e-04b5-4d2f-9d3c-1a2b3c4d5e6f").kind)
                .isEqualTo(FormValidation.Kind.OK);
        FormValidation bad = StepFieldValidation.definitionId("main");
        assertThat(bad.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(bad.getMessage()).contains("not a UUID").contains("Project Setup");
    }

    @Test
    void serverUrl() {
        FormValidation empty = StepFieldValidation.serverUrl(" ", "https://circleci.com");
        assertThat(empty.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(empty.getMessage()).contains("https://circleci.com");
        assertThat(StepFieldValidation.serverUrl("https://circleci.example.com", null).kind)
                .isEqualTo(FormValidation.Kind.OK);
        assertThat(StepFieldValidation.serverUrl("http://localhost:8080", null).kind)
                .isEqualTo(FormValidation.Kind.OK);
        FormValidation clear = StepFieldValidation.serverUrl("http://circleci.example.com", null);
        assertThat(clear.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(clear.getMessage()).contains("token unencrypted");
        assertThat(StepFieldValidation.serverUrl("ftp://circleci.example.com", null).kind)
                .isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void idsMustBeWholeUuids() {
        // UUID.fromString takes these; CircleCI never writes them.
        for (String loose : new String[] {"1-2-3-4-5", "5034460f-c7c4-4c43-9457-de07e2029e7",
            "5034460fc7c44c439457de07e2029e7b"}) {
            assertThat(StepFieldValidation.pipelineId(loose).kind).as(loose).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(StepFieldValidation.definitionId(loose).kind).as(loose).isEqualTo(FormValidation.Kind.ERROR);
        }
        assertThat(StepFieldValidation.pipelineId(" 5034460F-C7C4-4C43-9457-DE07E2029E7B ").kind)
                .isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void pipelineId() {
        assertThat(StepFieldValidation.pipelineId("5034460f-c7c4-4c43-9457-de07e2029e7b").kind)
                .isEqualTo(FormValidation.Kind.OK);
        FormValidation number = StepFieldValidation.pipelineId("42");
        assertThat(number.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(number.getMessage()).contains("not the pipeline number");
        FormValidation blank = StepFieldValidation.pipelineId(null);
        assertThat(blank.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(blank.getMessage()).contains("pipelineId");
    }
}
