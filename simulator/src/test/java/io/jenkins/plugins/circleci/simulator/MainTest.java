package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone entry point prints its base URL first and serves the API. */
class MainTest {

    @Test
    void printsTheBaseUrlFirstAndAnswersMe(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, "invalid_tokens: [nope]\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> Main.run(new String[] {"--port", "0", "--scenario", scenario.toString()}, out, stop));
        String firstLine = awaitFirstLine(bytes);
        assertThat(firstLine).matches("http://127\\.0\\.0\\.1:\\d+");

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(firstLine + "/api/v2/me"))
                .header("Circle-Token", "any").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"login\"");
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(firstLine + "/api/v2/me"))
                .header("Circle-Token", "nope").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("the scenario file was read").isEqualTo(401);

        stop.countDown();
        assertThat(exit.get()).isZero();
    }

    @Test
    void boundToEveryInterfaceItStillPrintsAUsableLoopbackUrl() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> Main.run(new String[] {"--bind", "0.0.0.0"}, out, stop));
        String base = awaitFirstLine(bytes);
        assertThat(base).startsWith("http://127.0.0.1:");
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v2/me"))
                .header("Authorization", "Bearer x").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        stop.countDown();
        assertThat(exit.get()).isZero();
    }

    @Test
    void aBadScenarioFileFailsWithANonZeroExitCode(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("bad.yaml");
        Files.writeString(scenario, "projetcs: {}\n");
        int code = Main.run(new String[] {"--scenario", scenario.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new CountDownLatch(1));
        assertThat(code).isNotZero();
    }

    private static String awaitFirstLine(ByteArrayOutputStream bytes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            if (nl > 0) {
                return text.substring(0, nl).trim();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no base URL printed within 10 s");
    }
}
