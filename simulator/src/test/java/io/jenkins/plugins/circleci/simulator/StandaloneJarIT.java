package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shaded jar, as a user runs it: {@code java -jar circleci-simulator.jar --port 0}. */
class StandaloneJarIT {

    @Test
    void theShadedJarStartsPrintsItsBaseUrlFirstAndServesTheApi() throws Exception {
        Path jar = Path.of(System.getProperty("simulator.jar", "target/circleci-simulator.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no packaged jar at " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String base = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(20, TimeUnit.SECONDS);
            assertThat(base).matches("http://127\\.0\\.0\\.1:\\d+");

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/me"))
                    .header("Circle-Token", "anything").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            HttpResponse<String> trigger = client.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/v2/project/gh/acme/api/pipeline"))
                    .header("Circle-Token", "anything").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"branch\":\"main\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(trigger.statusCode()).isEqualTo(201);
            assertThat(trigger.body()).contains("\"state\":\"pending\"");

            // What a Node client sends (a JSON Content-Type on a bodiless GET), written by hand on a socket...
            String id = trigger.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            RawHttp.Response pipeline = RawHttp.exchange(base, "GET /api/v2/pipeline/" + id + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nCircle-Token: anything\r\nContent-Type: application/json\r\n"
                    + "Accept: */*\r\nSec-Fetch-Mode: cors\r\nAccept-Encoding: gzip, deflate\r\n\r\n");
            assertThat(pipeline).as("an answer, not a closed connection").isNotNull();
            assertThat(pipeline.status()).isEqualTo(200);
            // ...and the pipeline/run body of CircleCI's own MCP server.
            HttpResponse<String> run = client.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/v2/project/gh/acme/api/pipeline/run"))
                    .header("Circle-Token", "anything").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"definition_id\":\"" + Http.DEFINITION_ID + "\","
                            + "\"config\":{\"branch\":\"main\",\"content\":\"\"},\"checkout\":{\"branch\":\"main\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
