package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.tracing.TraceContext;
import io.jenkins.plugins.circleci.tracing.TraceParameter;
import io.jenkins.plugins.circleci.trigger.ParameterText;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code circleci-trigger run}: trigger a pipeline and wait for its workflows. */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Trigger a CircleCI pipeline and wait until its workflows finish.")
final class RunCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--project", required = true, paramLabel = "SLUG",
            description = "The project: gh/ORG/REPO, bb/ORG/REPO, or circleci/ORG-ID/PROJECT-ID (GitHub App, GitLab, "
                    + "Bitbucket Data Center; needs --definition-id).")
    String project;

    @ArgGroup(exclusive = true)
    Revision revision = new Revision();

    static final class Revision {
        @Option(names = "--branch", paramLabel = "BRANCH", description = "Build this branch (default: the project's "
                + "default branch).")
        String branch;

        @Option(names = "--tag", paramLabel = "TAG", description = "Build this tag.")
        String tag;
    }

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "A pipeline parameter; true/false become booleans, whole numbers integers, anything else a "
                    + "string (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--string-param", paramLabel = "KEY=VALUE",
            description = "A pipeline parameter always sent as a string (repeatable).")
    List<String> stringParams = new ArrayList<>();

    @Option(names = "--no-validate-parameters",
            description = "Send the parameters unchecked. By default they are first checked against the parameters "
                    + "declared in the config of the branch's newest pipeline (2 extra requests).")
    boolean noValidateParameters;

    @Option(names = "--definition-id", paramLabel = "UUID",
            description = "Trigger this pipeline definition through pipeline/run (GitHub App and Bitbucket Data "
                    + "Center projects need it).")
    String definitionId;

    @ArgGroup(exclusive = true)
    ConfigRef configRef = new ConfigRef();

    /** pipeline/run's config ref, overriding --branch/--tag for the config only. */
    static final class ConfigRef {
        @Option(names = "--config-branch", paramLabel = "BRANCH", description = "With --definition-id: read the "
                + "config from this branch (pull/N/head or pull/N/merge on GitHub) instead of --branch/--tag.")
        String branch;

        @Option(names = "--config-tag", paramLabel = "TAG", description = "With --definition-id: read the config "
                + "from this tag instead of --branch/--tag.")
        String tag;
    }

    @ArgGroup(exclusive = true)
    CheckoutRef checkoutRef = new CheckoutRef();

    /** pipeline/run's checkout ref, overriding --branch/--tag for the checkout step only. */
    static final class CheckoutRef {
        @Option(names = "--checkout-branch", paramLabel = "BRANCH", description = "With --definition-id: check "
                + "this branch out (pull/N/head or pull/N/merge on GitHub) instead of --branch/--tag.")
        String branch;

        @Option(names = "--checkout-tag", paramLabel = "TAG", description = "With --definition-id: check this tag "
                + "out instead of --branch/--tag.")
        String tag;
    }

    @Option(names = "--no-wait", description = "Trigger and exit 0 at once, printing the pipeline's id and link.")
    boolean noWait;

    @Option(names = "--traceparent-param", paramLabel = "NAME",
            description = "Send $TRACEPARENT (a W3C traceparent, as CI systems and otel-cli export it) as this "
                    + "pipeline parameter too; .circleci/config.yml must declare it. The traceparent and tracestate "
                    + "headers are sent whenever $TRACEPARENT is set.")
    String traceparentParam;

    @Option(names = "--dry-run", description = "Check every option, print the request the trigger would send "
            + "(never the token) and exit 0: nothing is sent, no token is needed.")
    boolean dryRun;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    WaitingOptions waiting = new WaitingOptions();

    @Spec
    CommandSpec spec;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // Everything the user typed is checked before the token is looked for, and long before anything is sent.
        if (noWait && waiting.waitFor != null) {
            throw new ParameterException(spec.commandLine(), "--no-wait returns at once and --wait-for returns "
                    + "later: give one of them (--wait-for created returns once CircleCI has created the pipeline).");
        }
        refuseEmptyRefs();
        TraceContext.Reading trace = TraceContext.fromEnvironment(context.env()::get);
        TriggerRequest request = request(trace.context());
        WatchOptions options = waiting.toWatchOptions(context.watchTuning());
        waiting.failureLimits();
        trace.notes().forEach(context.err()::println);
        if (dryRun) {
            // A run reads them when it connects; a dry run connects nowhere, but refuses what a run would.
            CaCertificateFiles.read(connection.caCertFiles);
            return DryRun.print(context, connection, request, trace.context());
        }
        return connection.session(context, trace.context()).reporting(waiting.failureLimits())
                .listingArtifacts(waiting.artifacts).validatingParameters(!noValidateParameters)
                .run(request, options, !noWait);
    }

    /**
     * Refuses a ref given empty, as {@code --branch "$GITHUB_HEAD_REF"} is on a push event: core reads an empty ref as
     * none, so CircleCI would build the default branch and a release gate could pass on the wrong pipeline.
     */
    private void refuseEmptyRefs() {
        String defaultRevision = "leave it out to build the project's default branch";
        refuseEmpty("--branch", revision == null ? null : revision.branch, defaultRevision);
        refuseEmpty("--tag", revision == null ? null : revision.tag, defaultRevision);
        refuseEmpty("--definition-id", definitionId, "leave it out to trigger through POST /project/{slug}/pipeline");
        String fromRevision = "leave it out to use --branch/--tag";
        refuseEmpty("--config-branch", configRef == null ? null : configRef.branch, fromRevision);
        refuseEmpty("--config-tag", configRef == null ? null : configRef.tag, fromRevision);
        refuseEmpty("--checkout-branch", checkoutRef == null ? null : checkoutRef.branch, fromRevision);
        refuseEmpty("--checkout-tag", checkoutRef == null ? null : checkoutRef.tag, fromRevision);
    }

    private void refuseEmpty(String option, String value, String instead) {
        if (value != null && value.isBlank()) {
            throw new ParameterException(spec.commandLine(), option + " is empty; " + instead + ".");
        }
    }

    /** The trigger request the options describe, without a trace to join. */
    TriggerRequest request() {
        return request(null);
    }

    /**
     * The trigger request the options describe, with the traceparent in {@code --traceparent-param} when there is a
     * trace ({@code trace} not null); core refuses what CircleCI would refuse.
     */
    TriggerRequest request(TraceContext trace) {
        Map<String, Object> parameters = ParameterText.parse(params, stringParams);
        TraceParameter.check(traceparentParam, parameters, "--traceparent-param");
        return TriggerRequest.builder(ProjectSlug.parse(project))
                .branch(revision == null ? null : revision.branch)
                .tag(revision == null ? null : revision.tag)
                .parameters(TraceParameter.add(parameters, traceparentParam, trace))
                .definitionId(definitionId)
                .configBranch(configRef == null ? null : configRef.branch)
                .configTag(configRef == null ? null : configRef.tag)
                .checkoutBranch(checkoutRef == null ? null : checkoutRef.branch)
                .checkoutTag(checkoutRef == null ? null : checkoutRef.tag)
                .build();
    }
}
