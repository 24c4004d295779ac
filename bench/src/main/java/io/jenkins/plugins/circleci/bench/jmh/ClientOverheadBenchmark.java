package io.jenkins.plugins.circleci.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.model.Pipeline;
import io.jenkins.plugins.circleci.bench.baseline.PlainApi;
import io.jenkins.plugins.circleci.bench.harness.BenchProjects;
import io.jenkins.plugins.circleci.bench.harness.EngineClients;
import io.jenkins.plugins.circleci.bench.harness.PipelineStarter;
import io.jenkins.plugins.circleci.simulator.CircleCiSimulator;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What our client adds to one request: {@code getPipeline} against the same GET sent with bare OkHttp plus Jackson
 * into a {@code JsonNode} (the yardstick: what any caller of the API pays) and, for reference, bare OkHttp reading the
 * body as a string, all to the same loopback simulator over the same kind of OkHttp client.
 * The client's request budget is set far above what the loop can reach, so that it never waits. Every call is timed
 * ({@link Mode#SampleTime}), so that the median, which a neighbour's burst of work barely moves, can be compared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientOverheadBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CircleCiSimulator sim;
    private CircleCiClient client;
    private OkHttpClient bare;
    private Request request;
    private String pipelineId;

    @Setup
    public void start() {
        sim = CircleCiSimulator.builder().port(0).journalCapacity(0).webhookPollInterval(null).start();
        bare = new OkHttpClient();
        pipelineId = new PipelineStarter(new PlainApi(bare, sim.baseUrl(), BenchProjects.TOKEN))
                .trigger(BenchProjects.slug(0)).id();
        client = EngineClients.client(sim.baseUrl(), new OkHttpClient(), new RateLimit(1e9, 1_000_000_000),
                Clock.systemUTC());
        request = new Request.Builder().url(sim.apiUrl() + "/pipeline/" + pipelineId)
                .header("Circle-Token", BenchProjects.TOKEN).build();
    }

    @TearDown
    public void stop() {
        sim.close();
    }

    @Benchmark
    public Pipeline client() {
        return client.getPipeline(pipelineId);
    }

    @Benchmark
    public String bareOkHttp() throws IOException {
        try (Response response = bare.newCall(request).execute()) {
            return response.body().string();
        }
    }

    @Benchmark
    public JsonNode bareOkHttpAndJackson() throws IOException {
        try (Response response = bare.newCall(request).execute()) {
            return MAPPER.readTree(response.body().byteStream());
        }
    }

    /**
     * The same call under another name: the runner measures it in forks of its own like the others, and the ratio of
     * the two, which should be 1, shows how far separate forks can differ on this machine.
     */
    @Benchmark
    public JsonNode bareOkHttpAndJacksonAgain() throws IOException {
        try (Response response = bare.newCall(request).execute()) {
            return MAPPER.readTree(response.body().byteStream());
        }
    }
}
