package io.jenkins.plugins.circleci.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.bench.baseline.PlainApi;
import io.jenkins.plugins.circleci.bench.harness.BenchProjects;
import io.jenkins.plugins.circleci.bench.harness.EngineClients;
import io.jenkins.plugins.circleci.bench.harness.PipelineStarter;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * {@code getPipeline} and the bare OkHttp + Jackson tree GET once each, in random order, and times both. A shared
 * machine's load then falls on both calls alike, where separate JMH forks minutes apart may meet different loads.
 */
public final class PairedOverhead {

    /**
     * Median time per call, µs.
     *
     * @param pairs how many pairs were timed
     */
    public record Figures(double client, double bareAndJackson, int pairs) {
        public double ratio() {
            return client / bareAndJackson;
        }
    }

    private PairedOverhead() {}

    public static Figures run(Duration warmup, int pairs, long seed) {
        ObjectMapper mapper = new ObjectMapper();
        try (CircleCiSimulator sim = CircleCiSimulator.builder().port(0).journalCapacity(0).webhookPollInterval(null)
                .start()) {
            OkHttpClient bare = new OkHttpClient();
            String id = new PipelineStarter(new PlainApi(bare, sim.baseUrl(), BenchProjects.TOKEN))
                    .trigger(BenchProjects.slug(0)).id();
            CircleCiClient client = EngineClients.client(sim.baseUrl(), new OkHttpClient(),
                    new RateLimit(1e9, 1_000_000_000), Clock.systemUTC());
            Request request = new Request.Builder().url(sim.apiUrl() + "/pipeline/" + id)
                    .header("Circle-Token", BenchProjects.TOKEN).build();
            Runnable ours = () -> client.getPipeline(id);
            Runnable tree = () -> {
                try (Response response = bare.newCall(request).execute()) {
                    mapper.readTree(response.body().byteStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            long warmEnd = System.nanoTime() + warmup.toNanos();
            while (System.nanoTime() < warmEnd) {
                ours.run();
                tree.run();
            }
            List<Long> oursTimes = new ArrayList<>(pairs);
            List<Long> treeTimes = new ArrayList<>(pairs);
            Random order = new Random(seed);
            for (int i = 0; i < pairs; i++) {
                if (order.nextBoolean()) {
                    oursTimes.add(timed(ours));
                    treeTimes.add(timed(tree));
                } else {
                    treeTimes.add(timed(tree));
                    oursTimes.add(timed(ours));
                }
            }
            return new Figures(median(oursTimes) / 1e3, median(treeTimes) / 1e3, pairs);
        }
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
