package io.jenkins.plugins.circleci.bench.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.circleci.webhook.WebhookEvent;
import io.jenkins.plugins.circleci.webhook.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * A tiny webhook endpoint on loopback, as the plugin's would be: it checks the signature with core's
 * {@link WebhookSignature}, reads the pipeline id with core's {@link WebhookEvent} and nudges the waits on it. Bad
 * signatures get 403 and nudge nothing.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final String secret;
    private final ToIntFunction<String> nudge;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger nudged = new AtomicInteger();

    private WebhookReceiver(String secret, ToIntFunction<String> nudge) throws IOException {
        this.secret = secret;
        this.nudge = nudge;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-webhook-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/circleci-webhook", this::handle);
        server.start();
    }

    /** @param nudge nudges the waits on a pipeline id and says how many there were ({@code PipelineWatcher::nudge}) */
    public static WebhookReceiver start(String secret, ToIntFunction<String> nudge) throws IOException {
        return new WebhookReceiver(secret, nudge);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/circleci-webhook";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (!WebhookSignature.matches(secret, body, exchange.getRequestHeaders().getFirst("circleci-signature"))) {
                rejected.incrementAndGet();
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            accepted.incrementAndGet();
            String pipelineId = WebhookEvent.parse(body).pipelineId();
            if (pipelineId != null) {
                nudged.addAndGet(nudge.applyAsInt(pipelineId));
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Deliveries whose signature checked out. */
    public int accepted() {
        return accepted.get();
    }

    public int rejected() {
        return rejected.get();
    }

    /** Waits nudged, summed over deliveries. */
    public int nudged() {
        return nudged.get();
    }

    @Override
    public String toString() {
        return "WebhookReceiver[" + url() + ", secret hidden]";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
