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
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The same two calls as {@link ClientOverheadBenchmark} without the network: OkHttp answers from an interceptor with
 * the body the simulator gave for the pipeline. What is left is each caller's own work (URL and headers, the budget,
 * reading and binding the body), which a loaded machine's scheduling does not blur: this is where the client's overhead
 * is found and measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientPathBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CircleCiClient client;
    private OkHttpClient bare;
    private Request request;
    private String pipelineId;

    @Setup
    public void start() throws IOException {
        String body;
        try (CircleCiSimulator sim = CircleCiSimulator.builder().port(0).journalCapacity(0).webhookPollInterval(null)
                .start()) {
            PlainApi api = new PlainApi(new OkHttpClient(), sim.baseUrl(), BenchProjects.TOKEN);
            pipelineId = new PipelineStarter(api).trigger(BenchProjects.slug(0)).id();
            body = api.get("/pipeline/" + pipelineId).toString();
        }
        MediaType json = MediaType.get("application/json");
        Interceptor canned = chain -> new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
                .code(200).message("OK").body(ResponseBody.create(body, json)).build();
        bare = new OkHttpClient.Builder().addInterceptor(canned).build();
        client = EngineClients.client("http://127.0.0.1:9", bare, new RateLimit(1e9, 1_000_000_000),
                Clock.systemUTC());
        request = new Request.Builder().url("http://127.0.0.1:9/api/v2/pipeline/" + pipelineId)
                .header("Circle-Token", BenchProjects.TOKEN).build();
    }

    @Benchmark
    public Pipeline client() {
        return client.getPipeline(pipelineId);
    }

    @Benchmark
    public JsonNode bareOkHttpAndJackson() throws IOException {
        try (Response response = bare.newCall(request).execute()) {
            return MAPPER.readTree(response.body().byteStream());
        }
    }
}
