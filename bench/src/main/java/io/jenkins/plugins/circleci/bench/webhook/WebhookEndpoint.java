package io.jenkins.plugins.circleci.bench.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.circleci.webhook.Nudger;
import io.jenkins.plugins.circleci.webhook.WebhookReceiver;
import io.jenkins.plugins.circleci.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on loopback, as the plugin's is: a JDK HTTP server handing each delivery to core's
 * {@link WebhookReceiver} (signature check, event parsing, de-duplication, nudge). It only adapts HTTP and counts.
 */
public final class WebhookEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final WebhookReceiver receiver;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger nudged = new AtomicInteger();
    /** Waits nudged by the delivery being handled; deliveries are handled one at a time, on the executor's thread. */
    private int nudgedByDelivery;

    private WebhookEndpoint(String secret, Nudger nudger) throws IOException {
        // Core nudges by pipeline id and by workflow id; a wait known by both counts once, as core counts it.
        this.receiver = new WebhookReceiver(() -> secret, id -> {
            int n = nudger.nudge(id);
            nudgedByDelivery = Math.max(nudgedByDelivery, n);
            return n;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-webhook-endpoint");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/circleci-webhook", this::handle);
        server.start();
    }

    /** @param nudger in practice {@code PipelineWatcher::nudge} */
    public static WebhookEndpoint start(String secret, Nudger nudger) throws IOException {
        return new WebhookEndpoint(secret, nudger);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/circleci-webhook";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            nudgedByDelivery = 0;
            WebhookResponse response = receiver.receive(exchange.getRequestMethod(),
                    name -> exchange.getRequestHeaders().getFirst(name), body);
            nudged.addAndGet(nudgedByDelivery);
            (response.status() == 200 ? accepted : rejected).incrementAndGet();
            byte[] message = response.message().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), message.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(message);
            }
        }
    }

    /** Deliveries answered 200 (signature checked, event read). */
    public int accepted() {
        return accepted.get();
    }

    /** Deliveries refused (bad signature, not an event...). */
    public int rejected() {
        return rejected.get();
    }

    /** Waits nudged, summed over deliveries. */
    public int nudged() {
        return nudged.get();
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + url() + ", secret hidden]";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
