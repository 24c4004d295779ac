package io.jenkins.plugins.circleci.soak;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.circleci.webhook.Nudger;
import io.jenkins.plugins.circleci.webhook.WebhookReceiver;
import io.jenkins.plugins.circleci.webhook.WebhookResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The controller's webhook endpoint as the plugin builds it (core's {@link WebhookReceiver} behind an HTTP server):
 * the simulator delivers its signed events here, and each nudges the waits on that pipeline or workflow. Its answers
 * are scanned for the signing secret.
 */
final class WebhookEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "soak-webhook-endpoint");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    WebhookEndpoint(String secret, Nudger nudger, SecretScan scan) {
        WebhookReceiver receiver = new WebhookReceiver(() -> secret, nudger);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/circleci-webhook/", exchange -> {
            WebhookResponse answer = receiver.receive(exchange.getRequestMethod(),
                    name -> exchange.getRequestHeaders().getFirst(name), exchange.getRequestBody());
            scan.text("a webhook answer", answer.message());
            (answer.status() == 200 ? delivered : refused).incrementAndGet();
            byte[] body = answer.message().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/circleci-webhook/";
    }

    long delivered() {
        return delivered.get();
    }

    long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
