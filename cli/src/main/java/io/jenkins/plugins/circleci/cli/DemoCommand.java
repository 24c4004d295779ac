package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import io.jenkins.plugins.circleci.simulator.scenario.JobSpec;
import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code circleci-trigger demo}: triggers and follows a pipeline on the embedded CircleCI simulator, in real time,
 * with no token and no network. It is the same code path as {@code run}; only the server and the polling pace differ.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a pipeline on an embedded CircleCI simulator (about 15 s, no token or network needed).")
final class DemoCommand implements Callable<Integer> {
    static final String PROJECT = "gh/acme/demo";

    private final CliContext context;

    @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
    boolean json;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    /**
     * Three workflows in parallel: {@code build} (checkout, then test), {@code lint}, and {@code deploy}, which waits
     * in CircleCI's {@code queued} state (a serial group) before its job runs.
     */
    static Scenario scenario() {
        return Scenario.builder()
                .project(PROJECT, p -> p
                        .workflow("build", w -> w.job("checkout", Duration.ofSeconds(3))
                                .job(JobSpec.build("test", Duration.ofSeconds(7), "success").withTests(12)))
                        .workflow("lint", w -> w.job("lint", Duration.ofSeconds(4)))
                        .workflow("deploy", w -> w.status("queued", Duration.ofSeconds(5))
                                .job("ship", Duration.ofSeconds(5))))
                .build();
    }

    @Override
    public Integer call() {
        try (CircleCiSimulator simulator = CircleCiSimulator.builder().scenario(scenario()).start()) {
            URI server = URI.create(simulator.baseUrl());
            context.err().println("Demo: a CircleCI simulator is serving API v2 at " + server + "/api/v2.");
            context.err().println("Running: circleci-trigger run --project " + PROJECT
                    + " --branch main --param deploy=true --server " + server);
            TriggerRequest request = TriggerRequest.builder(ProjectSlug.parse(PROJECT)).branch("main")
                    .parameter("deploy", true).build();
            // A real wait polls every 2 to 10 s; the demo looks every second so that no change goes unseen.
            WatchOptions options = context.watchTuning().apply(WatchOptions.builder().timeout(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(1))).build();
            // The simulator takes any token; this one only stands in for a user's.
            return new PipelineSession(context, new CircleCiClients(server, "demo-token"), json).run(request,
                    options, true);
        }
    }
}
