package io.jenkins.plugins.circleci.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.error.CircleCiInterruptedException;
import io.jenkins.plugins.circleci.api.error.ForbiddenException;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.api.error.NotFoundException;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.api.model.PipelineConfig;
import io.jenkins.plugins.circleci.preflight.PreflightResult.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The check's decisions, against an in-memory CircleCI that counts the requests. */
class ParameterPreflightTest {
    private static final ProjectSlug SLUG = ProjectSlug.parse("gh/acme/api");
    private static final String CONFIG = """
            version: 2.1
            parameters:
              deploy-env: {type: enum, enum: [dev, prod], default: dev}
              run-e2e: {type: boolean, default: false}
            """;

    /** Answers the two reads; records what was asked. */
    private static final class FakeCircleCi implements PipelineConfigs {
        final List<String> requests = new ArrayList<>();
        Function<String, List<Pipeline>> pipelines = branch -> List.of(pipeline(41), pipeline(40));
        Function<String, PipelineConfig> configs = id -> new PipelineConfig(CONFIG, "compiled", null, null);

        @Override
        public List<Pipeline> newestOnBranch(ProjectSlug project, String branch) {
            requests.add("list " + project + " " + branch);
            return pipelines.apply(branch);
        }

        @Override
        public PipelineConfig config(String pipelineId) {
            requests.add("config " + pipelineId);
            return configs.apply(pipelineId);
        }
    }

    private static Pipeline pipeline(long number) {
        return new Pipeline("id-" + number, number, SLUG.value(), null, null, null, null, null);
    }

    private static TriggerRequest.Builder onMain(Map<String, Object> parameters) {
        return TriggerRequest.builder(SLUG).branch("main").parameters(parameters);
    }

    @Test
    void matchingParametersAreCheckedAgainstTheNewestPipelineOfTheBranchInTwoRequests() {
        FakeCircleCi circleCi = new FakeCircleCi();
        PreflightResult result = ParameterPreflight.check(circleCi,
                onMain(Map.of("deploy-env", "prod")).build());
        assertThat(result.status()).isEqualTo(Status.CHECKED);
        assertThat(result.line().orElseThrow()).contains("Pipeline parameters [deploy-env] match those "
                + "declared in the config of pipeline #41 (branch main).");
        assertThat(circleCi.requests).containsExactly("list gh/acme/api main", "config id-41");
    }

    @Test
    void aMismatchIsRefusedNamingThePipelineTheDeclaredParametersAndTheWayOut() {
        FakeCircleCi circleCi = new FakeCircleCi();
        TriggerRequest request = onMain(Map.of("deploy_env", "prod")).build();
        assertThatThrownBy(() -> ParameterPreflight.check(circleCi, request))
                .isInstanceOf(ParameterMismatchException.class)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the config of pipeline #41 (branch main) of gh/acme/api, so nothing was "
                        + "triggered")
                .hasMessageContaining("'deploy_env' is not declared; did you mean 'deploy-env'?")
                .hasMessageContaining("Declared there: deploy-env (enum: dev, prod), run-e2e (boolean).")
                .satisfies(e -> assertThat(((ParameterMismatchException) e).hint())
                        .contains("declare it under 'parameters:'")
                        .contains("changed since pipeline #41")
                        .contains("validateParameters: false").contains("--no-validate-parameters"));
    }

    @Test
    void noParametersCostNoRequest() {
        FakeCircleCi circleCi = new FakeCircleCi();
        assertThat(ParameterPreflight.check(circleCi, onMain(Map.of()).build()).status())
                .isEqualTo(Status.NOT_NEEDED);
        assertThat(ParameterPreflight.check(circleCi, onMain(Map.of()).build()).line()).isEmpty();
        assertThat(circleCi.requests).isEmpty();
    }

    @Test
    void withASetupWorkflowTheSetupConfigIsWhatDeclaresThem() {
        FakeCircleCi circleCi = new FakeCircleCi();
        // The continuation (source) declares other parameters; the API trigger's go to the setup config.
        circleCi.configs = id -> new PipelineConfig("version: 2.1\nparameters: {other: {type: string, default: a}}",
                "", CONFIG, "compiled setup");
        PreflightResult result = ParameterPreflight.check(circleCi, onMain(Map.of("run-e2e", true)).build());
        assertThat(result.line().orElseThrow()).contains("Pipeline parameters [run-e2e] match those declared "
                + "in the setup config of pipeline #41 (branch main).");
        assertThatThrownBy(() -> ParameterPreflight.check(circleCi, onMain(Map.of("other", "b")).build()))
                .isInstanceOf(ParameterMismatchException.class).hasMessageContaining("the setup config of pipeline");
    }

    @Test
    void aBlankSetupConfigFallsBackToTheSource() {
        FakeCircleCi circleCi = new FakeCircleCi();
        circleCi.configs = id -> new PipelineConfig(CONFIG, "", " ", null);
        assertThat(ParameterPreflight.check(circleCi, onMain(Map.of("run-e2e", true)).build()).status())
                .isEqualTo(Status.CHECKED);
    }

    @Test
    void withoutAnEarlierPipelineOnTheBranchItIsNotCheckedAndNoOtherBranchIsRead() {
        FakeCircleCi circleCi = new FakeCircleCi();
        circleCi.pipelines = branch -> List.of();
        PreflightResult result = ParameterPreflight.check(circleCi, onMain(Map.of("x", "y")).build());
        assertThat(result.status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(result.line().orElseThrow()).contains("Note: the pipeline parameters were not checked "
                + "against the project's config (there is no earlier pipeline on branch main to read the config "
                + "from); triggering anyway.");
        assertThat(circleCi.requests).containsExactly("list gh/acme/api main");
    }

    @Test
    void errorsReadingAreNotesNotFailures() {
        FakeCircleCi circleCi = new FakeCircleCi();
        circleCi.configs = id -> {
            throw new NotFoundException("Not found (404) for GET /pipeline/id-41/config.", "hint", 404, "Not found",
                    "GET", "/pipeline/id-41/config");
        };
        PreflightResult result = ParameterPreflight.check(circleCi, onMain(Map.of("x", "y")).build());
        assertThat(result.status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(result.line().orElseThrow())
                .contains("the config of pipeline #41 (branch main) could not be read: Not found");

        circleCi.pipelines = branch -> {
            throw new ForbiddenException("Forbidden (403).", "hint", 403, "Forbidden", "GET", "/project");
        };
        assertThat(ParameterPreflight.check(circleCi, onMain(Map.of("x", "y")).build()).line().orElseThrow())
                .contains("the pipelines of branch main could not be listed: Forbidden (403).");
    }

    @Test
    void anInterruptIsPassedOn() {
        FakeCircleCi circleCi = new FakeCircleCi();
        circleCi.pipelines = branch -> {
            throw new CircleCiInterruptedException("Interrupted.", "", "GET", "/project", null);
        };
        assertThatThrownBy(() -> ParameterPreflight.check(circleCi, onMain(Map.of("x", "y")).build()))
                .isInstanceOf(CircleCiInterruptedException.class);
    }

    @Test
    void anEmptyOrUnreadableConfigIsANote() {
        FakeCircleCi circleCi = new FakeCircleCi();
        circleCi.configs = id -> new PipelineConfig("", "", null, null);
        assertThat(ParameterPreflight.check(circleCi, onMain(Map.of("x", "y")).build()).line().orElseThrow())
                .contains("the config of pipeline #41 (branch main) is empty");
        circleCi.configs = id -> new PipelineConfig("- just\n- a list\n", "", null, null);
        assertThat(ParameterPreflight.check(circleCi, onMain(Map.of("x", "y")).build()).line().orElseThrow())
                .contains("could not be interpreted: it is not a map of keys (a list)");
    }

    @Test
    void noBranchATagOrSplitRefsAreNotCheckedWithoutAnyRequest() {
        FakeCircleCi circleCi = new FakeCircleCi();
        Map<String, Object> p = Map.of("x", "y");
        assertThat(ParameterPreflight.check(circleCi, TriggerRequest.builder(SLUG).parameters(p).build()).line()
                .orElseThrow())
                .contains("no branch was given");
        assertThat(ParameterPreflight.check(circleCi, TriggerRequest.builder(SLUG).tag("v1").parameters(p).build())
                .line().orElseThrow()).contains("not by tag");
        String definition = "5034460f-c7c4-4c43-9457-de07e2029e7b";
        assertThat(ParameterPreflight.check(circleCi, TriggerRequest.builder(SLUG).definitionId(definition)
                .configBranch("main").checkoutBranch("feature").parameters(p).build()).line().orElseThrow())
                .contains("the config and checkout refs differ");
        assertThat(circleCi.requests).isEmpty();
        // pipeline/run with one ref for both is checked on that branch.
        ParameterPreflight.check(circleCi, TriggerRequest.builder(SLUG).definitionId(definition).branch("rel")
                .parameters(Map.of("run-e2e", false)).build());
        assertThat(circleCi.requests).containsExactly("list gh/acme/api rel", "config id-41");
    }
}
