package io.jenkins.plugins.circleci.simulator;

import io.jenkins.plugins.circleci.simulator.scenario.Scenario;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar circleci-simulator.jar [--port N] [--scenario FILE] [--bind ADDR]}: prints the base URL as the first
 * line on stdout (scripts read it to find a free port), then serves until killed.
 */
@Command(name = "circleci-simulator", mixinStandardHelpOptions = true,
        description = "A CircleCI API v2 stand-in. Prints its base URL first; the API is under <base>/api/v2.")
public final class Main implements Callable<Integer> {

    @Option(names = "--port", description = "Port to listen on; 0 (default) picks a free one.")
    int port;

    @Option(names = "--bind", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--scenario", description = "Scenario file, JSON or YAML (default: the built-in scenario).")
    Path scenario;

    @Option(names = "--seed", description = "Seed for ids and random faults (default ${DEFAULT-VALUE}).")
    long seed = 42L;

    @Option(names = "--page-size", description = "Items per page of every list (default ${DEFAULT-VALUE}).")
    int pageSize = 20;

    private final PrintStream out;
    private final CountDownLatch stop;

    Main(PrintStream out, CountDownLatch stop) {
        this.out = out;
        this.stop = stop;
    }

    public static void main(String[] args) {
        int code = run(args, System.out, new CountDownLatch(1));
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs until {@code stop} is released (never, from the command line). Returns the exit code. */
    static int run(String[] args, PrintStream out, CountDownLatch stop) {
        return new CommandLine(new Main(out, stop)).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        Scenario script;
        try {
            script = scenario == null ? Scenario.defaults() : Scenario.fromFile(scenario);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("circleci-simulator: " + e.getMessage());
            return 2;
        }
        try (CircleCiSimulator sim = CircleCiSimulator.builder().port(port).bindAddress(bind).scenario(script)
                .seed(seed).pageSize(pageSize).start()) {
            out.println(sim.baseUrl());
            out.println("CircleCI API v2 simulator: " + sim.apiUrl() + " (any non-empty token unless the scenario says otherwise)");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return 0;
    }
}
