package io.jenkins.plugins.circleci.simulator.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What happens to every pipeline triggered on one project.
 *
 * @param steps              intermediate pipeline states before the final one; empty = the CircleCI defaults
 *                           ({@code pending} for 1 s, or {@code setup-pending}/{@code setup}/{@code pending} for a
 *                           pipeline with a setup workflow)
 * @param errors             non-empty: the pipeline ends {@code errored} with these {@code errors[]} and no workflows
 * @param workflows          the workflows (a {@code setup} workflow first, if any)
 * @param continuationDelay  delay between a successful setup workflow and its continuation workflows
 * @param notTriggered       {@code pipeline/run} answers 200 "Ignoring pipeline due to CI skip in the commit"
 * @param branches           known branches; non-empty: other branches get 400 "Branch not found"
 * @param manualRerunOutcome outcome of workflows rerun through the API
 * @param defaultBranch      the project's {@code vcs_info.default_branch}
 * @param history            past runs the Insights endpoints report, and whether they answer at all
 * @param config             the text of {@code .circleci/config.yml} that {@code GET /pipeline/{id}/config} shows
 *                           ({@code source}, or {@code setup-config} for a project with a setup workflow); empty
 *                           (the spec's "no config") when not given
 * @param continuationConfig with a setup workflow: the config the setup workflow continues with ({@code source});
 *                           empty when not given
 */
public record ProjectScenario(List<PipelineStep> steps, List<PipelineError> errors, List<WorkflowSpec> workflows,
                              Duration continuationDelay, boolean notTriggered, List<String> branches,
                              String manualRerunOutcome, String defaultBranch, ProjectHistory history,
                              String config, String continuationConfig) {

    public ProjectScenario {
        steps = List.copyOf(steps == null ? List.of() : steps);
        errors = List.copyOf(errors == null ? List.of() : errors);
        workflows = List.copyOf(workflows == null ? List.of() : workflows);
        continuationDelay = continuationDelay == null ? Duration.ofSeconds(2) : continuationDelay;
        branches = List.copyOf(branches == null ? List.of() : branches);
        manualRerunOutcome = manualRerunOutcome == null ? "success" : manualRerunOutcome;
        defaultBranch = defaultBranch == null ? "main" : defaultBranch;
        history = history == null ? ProjectHistory.none() : history;
        config = config == null ? "" : config;
        continuationConfig = continuationConfig == null ? "" : continuationConfig;
        long setups = workflows.stream().filter(WorkflowSpec::setup).count();
        if (setups > 1) {
            throw new IllegalArgumentException("a pipeline has at most one setup workflow");
        }
    }

    /** The built-in scenario: {@code build} (checkout 2 s → test 3 s) and {@code lint} (2 s), all success, done in about 6 s. */
    /** The scenario of the earlier shape: no config text. */
    public ProjectScenario(List<PipelineStep> steps, List<PipelineError> errors, List<WorkflowSpec> workflows,
                           Duration continuationDelay, boolean notTriggered, List<String> branches,
                           String manualRerunOutcome, String defaultBranch, ProjectHistory history) {
        this(steps, errors, workflows, continuationDelay, notTriggered, branches, manualRerunOutcome, defaultBranch,
                history, null, null);
    }

    public static ProjectScenario defaults() {
        return builder()
                .workflow("build", w -> w.job(JobSpec.build("checkout", Duration.ofSeconds(2), "success"))
                        .job(JobSpec.build("test", Duration.ofSeconds(3), "success").withTests(3).withArtifacts(1)))
                .workflow("lint", w -> w.job("lint", Duration.ofSeconds(2)))
                .build();
    }

    public boolean hasSetupWorkflow() {
        return workflows.stream().anyMatch(WorkflowSpec::setup);
    }

    /** The intermediate states a pipeline goes through, with CircleCI's defaults filled in. */
    public List<PipelineStep> effectiveSteps() {
        if (!steps.isEmpty()) {
            return steps;
        }
        if (hasSetupWorkflow()) {
            return List.of(new PipelineStep("setup-pending", Duration.ofSeconds(1)),
                    new PipelineStep("setup", Duration.ofSeconds(1)),
                    new PipelineStep("pending", Duration.ofSeconds(1)));
        }
        return List.of(new PipelineStep("pending", Duration.ofSeconds(1)));
    }

    public boolean errored() {
        return !errors.isEmpty();
    }

    public boolean knowsBranch(String branch) {
        return branches.isEmpty() || branches.contains(branch);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A fluent way to write a project's scenario in a test. */
    public static final class Builder {
        private final List<PipelineStep> steps = new ArrayList<>();
        private final List<PipelineError> errors = new ArrayList<>();
        private final List<WorkflowSpec> workflows = new ArrayList<>();
        private Duration continuationDelay;
        private boolean notTriggered;
        private final List<String> branches = new ArrayList<>();
        private String manualRerunOutcome;
        private String defaultBranch;
        private ProjectHistory history;
        private String config;
        private String continuationConfig;

        public Builder workflow(String name, UnaryOperator<WorkflowSpec.Builder> jobs) {
            workflows.add(jobs.apply(new WorkflowSpec.Builder(name)).build());
            return this;
        }

        public Builder workflow(WorkflowSpec workflow) {
            workflows.add(workflow);
            return this;
        }

        /** A dynamic-config setup workflow ({@code tag: "setup"}); the other workflows are its continuation. */
        public Builder setupWorkflow(String name, UnaryOperator<WorkflowSpec.Builder> jobs) {
            workflows.add(0, jobs.apply(new WorkflowSpec.Builder(name).setup(true)).build());
            return this;
        }

        /** Delay between the setup workflow's success and the continuation workflows' appearance. */
        public Builder continuationAfter(Duration delay) {
            this.continuationDelay = delay;
            return this;
        }

        /** Adds an intermediate pipeline state, e.g. {@code step("pending", 5s)}. */
        public Builder step(String state, Duration lasts) {
            steps.add(new PipelineStep(state, lasts));
            return this;
        }

        /** The pipeline ends {@code errored} with this error (type e.g. {@code config}). */
        public Builder errored(String type, String message) {
            errors.add(new PipelineError(type, message));
            return this;
        }

        /** The pipeline is {@code created} but no workflow runs (branch filters excluded them all). */
        public Builder noWorkflows() {
            workflows.clear();
            return this;
        }

        /** {@code pipeline/run} answers 200 "Ignoring pipeline due to CI skip in the commit". */
        public Builder notTriggered() {
            this.notTriggered = true;
            return this;
        }

        /** Only these branches exist; others get 400 "Branch not found". */
        public Builder branches(String... names) {
            branches.addAll(List.of(names));
            return this;
        }

        public Builder manualRerunOutcome(String outcome) {
            this.manualRerunOutcome = outcome;
            return this;
        }

        public Builder defaultBranch(String branch) {
            this.defaultBranch = branch;
            return this;
        }

        /** What the Insights endpoints report about this project's past runs. */
        public Builder history(UnaryOperator<ProjectHistory.Builder> script) {
            this.history = script.apply(new ProjectHistory.Builder()).build();
            return this;
        }

        /** The text of {@code .circleci/config.yml} (the setup config when there is a setup workflow). */
        public Builder config(String text) {
            this.config = text;
            return this;
        }

        /** With a setup workflow: the config it continues with. */
        public Builder continuationConfig(String text) {
            this.continuationConfig = text;
            return this;
        }

        public ProjectScenario build() {
            return new ProjectScenario(steps, errors, workflows, continuationDelay, notTriggered, branches,
                    manualRerunOutcome, defaultBranch, history, config, continuationConfig);
        }
    }
}
