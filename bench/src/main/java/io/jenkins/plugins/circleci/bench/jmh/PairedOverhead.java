package io.jenkins.plugins.circleci.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.http.ApiTransport;
import io.jenkins.plugins.circleci.bench.baseline.PlainApi;
import io.jenkins.plugins.circleci.bench.harness.BenchProjects;
import io.jenkins.plugins.circleci.bench.harness.EngineClients;
import io.jenkins.plugins.circleci.bench.harness.PipelineStarter;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The client-overhead comparison made in pairs: in one JVM, after a warm-up, each round sends our client's
 * {@code getPipeline}, the bare OkHttp + Jackson tree GET, and the same bare GET from an OkHttp client set up as ours
 * is (timeouts, no silent retry, no redirects, our {@code Accept} and {@code User-Agent} headers) once each, in
 * random order, and times all three. A shared machine's load then falls on every call alike, where separate JMH forks
 * minutes apart meet different loads. {@link #forked} repeats the measurement in JVMs of their own, as JMH's forks
 * do, since a JVM's JIT decisions differ from one to the next.
 */
public final class PairedOverhead {

    /** Printed by {@link #main} before a fork's figures, so that the parent finds them among the simulator's logs. */
    static final String MARK = "paired-overhead:";

    /**
     * Median time per call in one JVM, µs.
     *
     * @param bareOurSettings the bare GET through an OkHttp client configured as ours, with our headers
     * @param pairs           how many rounds were timed
     */
    public record Figures(double client, double bareAndJackson, double bareOurSettings, int pairs) {
        public double ratio() {
            return client / bareAndJackson;
        }

        /** The bare call with our client's settings over the bare call: what the settings alone cost. */
        public double settingsRatio() {
            return bareOurSettings / bareAndJackson;
        }
    }

    private PairedOverhead() {}

    /** One fork: {@code PairedOverhead <warm-up ms> <rounds> <seed>}; prints {@link #MARK} and the figures. */
    public static void main(String[] args) {
        Figures f = run(Duration.ofMillis(Long.parseLong(args[0])), Integer.parseInt(args[1]),
                Long.parseLong(args[2]));
        System.out.println(MARK + " " + f.client() + " " + f.bareAndJackson() + " " + f.bareOurSettings() + " "
                + f.pairs());
        System.out.flush();
        // The simulator's and OkHttp's threads must not keep the fork alive.
        System.exit(0);
    }

    /** {@code forks} measurements, each in a JVM of its own started with this JVM's class path. */
    public static List<Figures> forked(int forks, Duration warmup, int pairs, long seed) {
        List<Figures> all = new ArrayList<>();
        for (int fork = 0; fork < forks; fork++) {
            all.add(fork(warmup, pairs, seed + fork));
        }
        return all;
    }

    private static Figures fork(Duration warmup, int pairs, long seed) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xms512m", "-Xmx512m", "-Djava.awt.headless=true",
                "-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"),
                PairedOverhead.class.getName(), Long.toString(warmup.toMillis()), Integer.toString(pairs),
                Long.toString(seed)).redirectErrorStream(true);
        try {
            Process process = builder.start();
            Figures figures = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(MARK)) {
                        String[] f = line.substring(MARK.length()).trim().split(" ");
                        figures = new Figures(Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                                Double.parseDouble(f[2]), Integer.parseInt(f[3]));
                    }
                }
            }
            int exit = process.waitFor();
            if (figures == null) {
                throw new IllegalStateException("The paired-overhead fork ended (exit " + exit + ") without figures");
            }
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the paired-overhead fork", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the paired-overhead fork", e);
        }
    }

    public static Figures run(Duration warmup, int pairs, long seed) {
        ObjectMapper mapper = new ObjectMapper();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().port(0).journalCapacity(0).webhookPollInterval(null)
                .start()) {
            OkHttpClient bare = new OkHttpClient();
            String id = new PipelineStarter(new PlainApi(bare, sim.baseUrl(), BenchProjects.TOKEN))
                    .trigger(BenchProjects.slug(0)).id();
            CircleCiClient client = EngineClients.client(sim.baseUrl(), new OkHttpClient(),
                    new RateLimit(1e9, 1_000_000_000), Clock.systemUTC());
            // The settings CircleCiClient.Builder applies by default, through the same method.
            OkHttpClient configured = ApiTransport.configure(new OkHttpClient.Builder(), Duration.ofSeconds(10),
                    Duration.ofSeconds(30)).build();
            Request request = new Request.Builder().url(sim.apiUrl() + "/pipeline/" + id)
                    .header("Circle-Token", BenchProjects.TOKEN).build();
            Request ourHeaders = request.newBuilder().header("Accept", "application/json")
                    .header("User-Agent", "circleci-trigger/1.0.0 (Java " + System.getProperty("java.version")
                            + "; " + System.getProperty("java.vm.name") + ")")
                    .build();
            List<Runnable> calls = List.of(() -> client.getPipeline(id), tree(bare, request, mapper),
                    tree(configured, ourHeaders, mapper));
            long warmEnd = System.nanoTime() + warmup.toNanos();
            while (System.nanoTime() < warmEnd) {
                calls.forEach(Runnable::run);
            }
            List<List<Long>> times = List.of(new ArrayList<>(pairs), new ArrayList<>(pairs), new ArrayList<>(pairs));
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
            Random random = new Random(seed);
            for (int i = 0; i < pairs; i++) {
                Collections.shuffle(order, random);
                for (int call : order) {
                    times.get(call).add(timed(calls.get(call)));
                }
            }
            return new Figures(median(times.get(0)) / 1e3, median(times.get(1)) / 1e3, median(times.get(2)) / 1e3,
                    pairs);
        }
    }

    private static Runnable tree(OkHttpClient http, Request request, ObjectMapper mapper) {
        return () -> {
            try (Response response = http.newCall(request).execute()) {
                mapper.readTree(response.body().byteStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
