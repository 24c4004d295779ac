package io.jenkins.plugins.circleci.simulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.circleci.simulator.journal.Journal;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.journal.Redaction;
import io.jenkins.plugins.circleci.simulator.model.Simulation;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP front: {@link HttpFront} on a bounded pool (idle keep-alive connections hold no thread, so thousands
 * of polling clients are fine), fault injection before routing, and the journal after answering: one entry per
 * request, with a note saying why when it was refused or not served as sent.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

    private final HttpFront server;
    private final ExecutorService pool;
    private final Simulation sim;
    private final Journal journal;
    private final FaultInjector faults;
    private final String baseUrl;
    private ApiRoutes routes;
    private JobOutputRoutes jobOutput;

    public ApiServer(String bindAddress, int port, int threads, Simulation sim, Journal journal, long seed)
            throws IOException {
        this.sim = sim;
        this.journal = journal;
        this.faults = new FaultInjector(sim.scenario().faults(), seed);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "circleci-simulator-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = new HttpFront(new InetSocketAddress(bindAddress, port), 4096, pool, this::handle);
        java.net.InetAddress bound = server.address().getAddress();
        // Bound to every interface: loopback is the one address that surely reaches it from this machine.
        String host = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.baseUrl = "http://" + host + ":" + server.address().getPort();
    }

    /** Binds the routes (they need the base URL for links) and starts answering. */
    public ApiServer start(Bodies bodies, int pageSize) {
        this.routes = new ApiRoutes(sim, bodies, pageSize);
        this.jobOutput = new JobOutputRoutes(sim, bodies, baseUrl);
        server.start();
        return this;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.address().getPort();
    }

    /**
     * Answers one request. A simulated disconnect ends by throwing after a short body: the front then closes the
     * connection (as the JDK server did), and a closed connection after a short body is exactly what the fault is
     * about.
     */
    private void handle(HttpExchange exchange) throws IOException {
        if (answer(exchange)) {
            throw new IOException("simulated disconnect: connection closed mid-response");
        }
    }

    /**
     * Answers a request; true when the connection must now be dropped. The journal is written before the response,
     * so a client that has its answer always finds its request in the journal, and each request has exactly one entry.
     */
    private boolean answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String apiPath = Journal.apiPath(rawPath);
        Instant at = sim.now();
        byte[] body = new byte[0];
        boolean recorded = false;
        try {
            FaultRule fault = faults.pick(method, apiPath, rawQuery);
            if (fault != null) {
                journal.recordFault(fault.kind().name().toLowerCase(Locale.ROOT), fault.label());
            }
            if (fault != null && fault.kind() == FaultRule.Kind.DISCONNECT_BEFORE_BODY) {
                String kind = fault.kind().name().toLowerCase(Locale.ROOT);
                record(exchange, method, rawPath, rawQuery, apiPath, body, 0, at, method + " (fault " + kind + ")",
                        "fault " + kind);
                recorded = true;
                return true; // closed without reading the body or answering
            }
            body = exchange.getRequestBody().readAllBytes();
            if (exchange.getAttribute(FrontExchange.BAD_REQUEST) instanceof BadRequest refused) {
                record(exchange, method, rawPath, rawQuery, apiPath, body, refused.status(), at,
                        "* (unreadable request)", "unreadable request: " + refused.getMessage());
                recorded = true;
                write(exchange, ApiResponse.message(refused.status(), refused.getMessage()));
                return false;
            }
            if (fault != null && fault.kind() == FaultRule.Kind.DELAY) {
                Thread.sleep(fault.delay().toMillis()); // a real-time delay, never on the simulator clock
                fault = null;
            }
            if (fault != null && !fault.kind().carriesOut()) {
                boolean disconnect = fault.kind() == FaultRule.Kind.DISCONNECT;
                String kind = fault.kind().name().toLowerCase(Locale.ROOT);
                // 0 in the journal = no complete response (the connection was closed mid-response).
                record(exchange, method, rawPath, rawQuery, apiPath, body, disconnect ? 0 : fault.status(), at,
                        method + " (fault " + kind + ")", "fault " + kind);
                recorded = true;
                writeFault(exchange, fault);
                return disconnect;
            }
            RoutedBody routed = RoutedBody.of(body, exchange.getRequestHeaders().getFirst("Content-Type"));
            ApiResponse response;
            if (rawPath.contains("//")) {
                // Routers match segment by segment: an empty one matches no route. Tolerating it would hide a client
                // that joins its base URL and paths badly.
                response = ApiResponse.message(404, "Not found").route("* (empty path segment)")
                        .why("no route: an empty path segment ('//')");
            } else if (rawPath.equals("/api/v2") || rawPath.startsWith("/api/v2/")) {
                String token = Auth.token(exchange.getRequestHeaders());
                // HEAD is GET without the body (the exchange drops it), as servers answer it.
                String routedMethod = method.equals("HEAD") ? "GET" : method;
                response = routes.handle(ApiRequest.of(routedMethod, rawPath, rawQuery, token, routed.bytes()));
                if (method.equals("HEAD") && response.route() != null && response.route().startsWith("GET ")) {
                    response = response.route("HEAD " + response.route().substring(4));
                }
            } else if (jobOutput.handles(rawPath)) {
                response = jobOutput.handle(method, rawPath, rawQuery, exchange.getRequestHeaders());
            } else {
                response = ApiResponse.message(404, "Not found").route("* (outside /api/v2)")
                        .why("no route outside /api/v2");
            }
            if (response.pipelineId() != null) {
                sim.pipeline(response.pipelineId()).ifPresent(p -> p.countRequest());
            }
            if (fault != null) {
                String kind = fault.kind().name().toLowerCase(Locale.ROOT);
                record(exchange, method, rawPath, rawQuery, apiPath, body, FaultResponses.journalStatus(fault, response),
                        at, response.route() + " (fault " + kind + ")", "fault " + kind);
                recorded = true;
                return FaultResponses.write(exchange, fault, response, rawQuery);
            }
            record(exchange, method, rawPath, rawQuery, apiPath, body, response.status(), at, response.route(),
                    note(routed.ignoredBecause(), response.status() >= 400 ? response.why() : null));
            recorded = true;
            write(exchange, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(exchange, recorded, method, rawPath, rawQuery, apiPath, body, at, 503, "Service unavailable.",
                    "the simulator is shutting down");
        } catch (IOException | RuntimeException | Error e) {
            // A client that went away, or a bug: answer 500 when still possible, never kill the server thread.
            LOG.log(Level.FINE, "request failed: " + method + " " + rawPath, e);
            fail(exchange, recorded, method, rawPath, rawQuery, apiPath, body, at, 500, "Internal server error.",
                    "simulator error: " + e.getClass().getSimpleName()); // the class only: messages may quote input
        } finally {
            exchange.close();
        }
        return false;
    }

    /** After a failure: journal the request if that did not happen yet, and answer if nothing was sent yet. */
    private void fail(HttpExchange exchange, boolean recorded, String method, String rawPath, String rawQuery,
                      String apiPath, byte[] body, Instant at, int status, String message, String why) {
        if (!recorded) {
            try {
                record(exchange, method, rawPath, rawQuery, apiPath, body, status, at, method + " (error)", why);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "journal failed", e);
            }
        }
        if (exchange.getResponseCode() < 0) {
            tryWrite(exchange, ApiResponse.message(status, message));
        }
    }

    private static String note(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "; " + second;
    }

    private void record(HttpExchange exchange, String method, String rawPath, String rawQuery, String apiPath,
                        byte[] body, int status, Instant at, String route, String note) {
        journal.record(new JournalEntry(method, rawPath, Redaction.query(rawQuery),
                redactedHeaders(exchange.getRequestHeaders()), body, status, at, note), apiPath, route);
    }

    private static int write(HttpExchange exchange, ApiResponse response) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", response.contentType());
        response.headers().forEach(h::set);
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
        return response.status();
    }

    private static void writeFault(HttpExchange exchange, FaultRule fault) throws IOException {
        switch (fault.kind()) {
            case RATE_LIMIT -> {
                long seconds = Math.max(1, (fault.retryAfter().toMillis() + 999) / 1000);
                write(exchange, ApiResponse.text(429, "Rate limited.", fault.sendsRetryAfter()
                        ? Map.of("Retry-After", Long.toString(seconds)) : Map.of()));
            }
            case MALFORMED_JSON -> {
                byte[] truncated = "{\"items\":[{\"id\":\"5034460f-c7c4-4c43".getBytes(StandardCharsets.UTF_8);
                write(exchange, new ApiResponse(fault.status(), "application/json;charset=utf-8", truncated,
                        Map.of(), null, null));
            }
            case DISCONNECT -> {
                // Announce more bytes than are sent; the caller then drops the connection, so the client fails
                // while reading the body (OkHttp: "unexpected end of stream").
                exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
                exchange.sendResponseHeaders(200, 4096);
                OutputStream out = exchange.getResponseBody();
                out.write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            default -> {
                write(exchange, ApiResponse.message(fault.status(), faultMessage(fault.status())));
            }
        }
    }

    private static String faultMessage(int status) {
        return switch (status) {
            case 500 -> "Internal server error.";
            case 502 -> "Bad gateway.";
            case 503 -> "Service unavailable.";
            case 504 -> "Gateway timeout.";
            default -> "Simulated fault.";
        };
    }

    private static void tryWrite(HttpExchange exchange, ApiResponse response) {
        try {
            write(exchange, response);
        } catch (IOException | RuntimeException ignored) {
            // the client is gone
        }
    }

    private static Map<String, List<String>> redactedHeaders(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            out.put(key, Redaction.isSecretHeader(key)
                    ? values.stream().map(Redaction::of).toList()
                    : List.copyOf(values));
        });
        return out;
    }

    @Override
    public void close() {
        server.close();
        pool.shutdownNow();
    }
}
