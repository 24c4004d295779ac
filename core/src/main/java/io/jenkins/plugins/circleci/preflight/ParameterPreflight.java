package io.jenkins.plugins.circleci.preflight;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.GitRef;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.CircleCiInterruptedException;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.api.model.PipelineConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a trigger's parameters against the {@code parameters:} its branch's config declares, before the trigger.
 *
 * <p>API v2 cannot read a branch's config directly, so the check reads the config of the newest pipeline on the same
 * branch ({@code GET /project/{slug}/pipeline?branch=}, first page; then {@code GET /pipeline/{id}/config}): two
 * requests, made only when parameters are given. With dynamic config the parameters of an API trigger go to the setup
 * configuration ({@code .circleci/config.yml}, {@code setup-config}), which must declare them; otherwise to the
 * config itself ({@code source}). The compiled texts are not used: compiling resolves the pipeline parameters away.
 *
 * <p>It never stops a trigger it cannot judge: no branch given (the default branch is not known without a third
 * request), a tag (CircleCI lists pipelines by branch only), no earlier pipeline on the branch (another branch's
 * config may declare other parameters, so it is not used), an error reading either answer, an empty or unreadable
 * config. Each of those is a {@link PreflightResult.Status#NOT_CHECKED} note. An interrupt is passed on.
 */
public final class ParameterPreflight {
    private static final String TURN_OFF = "validateParameters: false in the step, --no-validate-parameters in the CLI";

    private ParameterPreflight() {}

    /**
     * Checks the request's parameters; throws {@link ParameterMismatchException} when they do not match.
     *
     * @param client the trigger's client; the reads go through it without retries
     */
    public static PreflightResult check(CircleCiClient client, TriggerRequest request) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(request, "request");
        if (request.parameters().isEmpty()) {
            return PreflightResult.notNeeded();
        }
        return check(PipelineConfigs.of(client), request);
    }

    static PreflightResult check(PipelineConfigs configs, TriggerRequest request) {
        if (request.parameters().isEmpty()) {
            return PreflightResult.notNeeded();
        }
        Optional<GitRef> configRef = request.usesPipelineRun() ? request.configRef()
                : request.branch().map(GitRef::branch).or(() -> request.tag().map(GitRef::tag));
        if (request.usesPipelineRun() && !request.configRef().equals(request.checkoutRef())) {
            return PreflightResult.notChecked("the config and checkout refs differ, and CircleCI lists pipelines by "
                    + "the branch they check out");
        }
        if (configRef.isEmpty()) {
            return PreflightResult.notChecked("no branch was given, and CircleCI's default branch is not known "
                    + "without another request; give the branch to have them checked");
        }
        if (!GitRef.BRANCH.equals(configRef.get().kind())) {
            return PreflightResult.notChecked("CircleCI lists pipelines by branch, not by tag");
        }
        String branch = configRef.get().name();
        List<Pipeline> newest;
        try {
            newest = configs.newestOnBranch(request.project(), branch);
        } catch (CircleCiInterruptedException e) {
            throw e;
        } catch (CircleCiException e) {
            return PreflightResult.notChecked("the pipelines of branch " + branch + " could not be listed: "
                    + e.getMessage());
        }
        if (newest.isEmpty()) {
            return PreflightResult.notChecked("there is no earlier pipeline on branch " + branch + " to read the "
                    + "config from");
        }
        Pipeline latest = newest.get(0);
        String which = "pipeline #" + latest.number() + " (branch " + branch + ")";
        PipelineConfig config;
        try {
            config = configs.config(latest.id());
        } catch (CircleCiInterruptedException e) {
            throw e;
        } catch (CircleCiException e) {
            return PreflightResult.notChecked("the config of " + which + " could not be read: " + e.getMessage());
        }
        boolean setup = config.setupConfig() != null && !config.setupConfig().isBlank();
        String text = setup ? config.setupConfig() : config.source();
        String what = setup ? "the setup config of " + which : "the config of " + which;
        if (text == null || text.isBlank()) {
            return PreflightResult.notChecked(what + " is empty");
        }
        DeclaredParameters declared;
        try {
            declared = DeclaredParameters.read(text);
        } catch (UnreadableConfigException e) {
            return PreflightResult.notChecked(what + " could not be interpreted: " + e.getMessage());
        }
        List<String> problems = ParameterCheck.problems(request.parameters(), declared);
        if (!problems.isEmpty()) {
            throw mismatch(request, what, latest, declared, problems);
        }
        return PreflightResult.checked("Pipeline parameters " + request.parameters().keySet() + " match those "
                + "declared in " + what + ".");
    }

    private static ParameterMismatchException mismatch(TriggerRequest request, String what, Pipeline latest,
            DeclaredParameters declared, List<String> problems) {
        String declaredList = declared.isEmpty() ? "none"
                : declared.byName().values().stream().map(DeclaredParameter::describe)
                        .collect(Collectors.joining(", "));
        String message = "The pipeline parameters do not match those declared in " + what + " of "
                + request.project() + ", so nothing was triggered:" + System.lineSeparator()
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining(System.lineSeparator()))
                + System.lineSeparator() + "Declared there: " + declaredList + ".";
        String hint = "Fix the parameter's name or value, or declare it under 'parameters:' in .circleci/config.yml"
                + ". If the branch's config has changed since pipeline #" + latest.number() + ", skip this check ("
                + TURN_OFF + "). See docs/troubleshooting.md#parameters-do-not-match.";
        return new ParameterMismatchException(message, hint, problems);
    }
}
