package io.jenkins.plugins.circleci.simulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
 * The HTTP front: the JDK's HttpServer on a bounded pool (idle keep-alive connections hold no thread, so thousands
 * of polling clients are fine), fault injection before routing, and the journal after answering.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each response then waits for
        // the client's delayed ACK (~40 ms on Linux). Read once, when the JDK server first loads: set it early.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final Simulation sim;
    private final Journal journal;
    private final FaultInjector faults;
    private final String baseUrl;
    private ApiRoutes routes;

    public ApiServer(String bindAddress, int port, int threads, Simulation sim, Journal journal, long seed)
            throws IOException {
        this.sim = sim;
        this.journal = journal;
        this.faults = new FaultInjector(sim.scenario().faults(), seed);
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 4096);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "circleci-simulator-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        java.net.InetAddress bound = server.getAddress().getAddress();
        // Bound to every interface: loopback is the one address that surely reaches it from this machine.
        String host = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
    }

    /** Binds the routes (they need the base URL for links) and starts answering. */
    public ApiServer start(Bodies bodies, int pageSize) {
        this.routes = new ApiRoutes(sim, bodies, pageSize);
        server.start();
        return this;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Answers one request. A simulated disconnect ends by throwing: the JDK server closes the connection only when
     * a handler fails, and a closed connection after a short body is exactly what the fault is about.
     */
    private void handle(HttpExchange exchange) throws IOException {
        if (answer(exchange)) {
            throw new IOException("simulated disconnect: connection closed mid-response");
        }
    }

    /**
     * Answers a request; true when the connection must now be dropped. The journal is written before the response,
     * so a client that has its answer always finds its request in the journal.
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
                record(exchange, method, rawPath, rawQuery, apiPath, body, 0, at, method + " (fault "
                        + fault.kind().name().toLowerCase(Locale.ROOT) + ")");
                recorded = true;
                return true; // closed without reading the body or answering
            }
            body = exchange.getRequestBody().readAllBytes();
            if (fault != null && fault.kind() == FaultRule.Kind.DELAY) {
                Thread.sleep(fault.delay().toMillis()); // a real-time delay, never on the simulator clock
                fault = null;
            }
            if (fault != null && !fault.kind().carriesOut()) {
                boolean disconnect = fault.kind() == FaultRule.Kind.DISCONNECT;
                // 0 in the journal = no complete response (the connection was closed mid-response).
                record(exchange, method, rawPath, rawQuery, apiPath, body, disconnect ? 0 : fault.status(), at,
                        method + " (fault " + fault.kind().name().toLowerCase(Locale.ROOT) + ")");
                recorded = true;
                writeFault(exchange, fault);
                return disconnect;
            }
            ApiResponse response;
            if (rawPath.equals("/api/v2") || rawPath.startsWith("/api/v2/")) {
                String token = Auth.token(exchange.getRequestHeaders());
                response = routes.handle(ApiRequest.of(method, rawPath, rawQuery, token, body));
            } else {
                response = ApiResponse.message(404, "Not found").route("* (outside /api/v2)");
            }
            if (response.pipelineId() != null) {
                sim.pipeline(response.pipelineId()).ifPresent(p -> p.countRequest());
            }
            if (fault != null) {
                record(exchange, method, rawPath, rawQuery, apiPath, body, FaultResponses.journalStatus(fault, response),
                        at, response.route() + " (fault " + fault.kind().name().toLowerCase(Locale.ROOT) + ")");
                recorded = true;
                return FaultResponses.write(exchange, fault, response, rawQuery);
            }
            record(exchange, method, rawPath, rawQuery, apiPath, body, response.status(), at, response.route());
            recorded = true;
            write(exchange, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // A client that went away, or a bug: answer 500 when still possible, never kill the server thread.
            LOG.log(Level.FINE, "request failed: " + method + " " + rawPath, e);
            if (!recorded) {
                record(exchange, method, rawPath, rawQuery, apiPath, body, 500, at, method + " (error)");
                recorded = true;
                tryWrite500(exchange);
            }
        } finally {
            exchange.close();
        }
        return false;
    }

    private void record(HttpExchange exchange, String method, String rawPath, String rawQuery, String apiPath,
                        byte[] body, int status, Instant at, String route) {
        journal.record(new JournalEntry(method, rawPath, Redaction.query(rawQuery),
                redactedHeaders(exchange.getRequestHeaders()), body, status, at), apiPath, route);
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

    private static void tryWrite500(HttpExchange exchange) {
        try {
            write(exchange, ApiResponse.message(500, "Internal server error."));
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
        server.stop(0);
        pool.shutdownNow();
    }
}
