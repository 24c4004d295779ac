package io.jenkins.plugins.circleci.simulator.http;

import io.jenkins.plugins.circleci.simulator.journal.Journal;
import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import io.jenkins.plugins.circleci.simulator.journal.Redaction;
import io.jenkins.plugins.circleci.simulator.model.Simulation;
import io.jenkins.plugins.circleci.simulator.scenario.FaultRule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/**
 * The HTTP front: {@link HttpFront} (Jetty; idle keep-alive connections hold no thread, so thousands of polling clients
 * are fine), fault injection before routing, and the journal: one entry per request, with a note saying why when it was
 * refused or not served as sent, whether the simulator refused it or Jetty did.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

    private final HttpFront server;
    private final Simulation sim;
    private final Journal journal;
    private final FaultInjector faults;
    private final String baseUrl;
    private final String storageBaseUrl;
    private ApiRoutes routes;
    private ArtifactRoutes artifacts;
    private JobOutputRoutes jobOutput;

    public ApiServer(String bindAddress, int port, int threads, Simulation sim, Journal journal, long seed)
            throws IOException {
        this.sim = sim;
        this.journal = journal;
        this.faults = new FaultInjector(sim.scenario().faults(), seed);
        this.server = new HttpFront(new InetSocketAddress(bindAddress, port), 4096, threads, this::answer,
                this::refusedByJetty);
        java.net.InetAddress bound = server.address().getAddress();
        // Bound to every interface: loopback is the one address that surely reaches it from this machine.
        String host = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.baseUrl = "http://" + host + ":" + server.address().getPort();
        this.storageBaseUrl = "http://" + host + ":" + server.storageAddress().getPort();
    }

    /** Binds the routes (they need the base URL for links) and starts answering. */
    public ApiServer start(Bodies bodies, int pageSize) {
        this.routes = new ApiRoutes(sim, bodies, pageSize);
        this.jobOutput = new JobOutputRoutes(sim, bodies, baseUrl);
        this.artifacts = new ArtifactRoutes(sim, storageBaseUrl);
        server.start();
        return this;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.address().getPort();
    }

    /** The simulated artifact storage, where artifact URLs redirect to: another port, so another origin. */
    public String storageBaseUrl() {
        return storageBaseUrl;
    }

    /**
     * Answers a request. The journal is written before the response, so a client that has its answer always finds its
     * request in the journal, and each request has exactly one entry.
     */
    private void answer(FrontExchange exchange) {
        String method = exchange.method().toUpperCase(Locale.ROOT);
        String rawPath = exchange.rawPath();
        String rawQuery = exchange.rawQuery();
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
                record(exchange.headers(), method, rawPath, rawQuery, apiPath, body, 0, at,
                        method + " (fault " + kind + ")", "fault " + kind);
                recorded = true;
                exchange.drop(); // closed without reading the body or answering
                return;
            }
            try {
                body = exchange.body();
            } catch (BadRequest refused) {
                record(exchange.headers(), method, rawPath, rawQuery, apiPath, body, refused.status(), at,
                        "* (unreadable request)", "unreadable request: " + refused.getMessage());
                recorded = true;
                exchange.closeAfterResponse(); // where the next request would start is unknown
                write(exchange, ApiResponse.message(refused.status(), refused.getMessage()));
                return;
            }
            if (fault != null && fault.kind() == FaultRule.Kind.DELAY) {
                Thread.sleep(fault.delay().toMillis()); // a real-time delay, never on the simulator clock
                fault = null;
            }
            if (fault != null && !fault.kind().carriesOut()) {
                boolean disconnect = fault.kind() == FaultRule.Kind.DISCONNECT;
                String kind = fault.kind().name().toLowerCase(Locale.ROOT);
                // 0 in the journal = no complete response (the connection was closed mid-response).
                record(exchange.headers(), method, rawPath, rawQuery, apiPath, body, disconnect ? 0 : fault.status(),
                        at, method + " (fault " + kind + ")", "fault " + kind);
                recorded = true;
                writeFault(exchange, fault);
                return;
            }
            RoutedBody routed = RoutedBody.of(body, exchange.headers().get("Content-Type"));
            ApiResponse response;
            if (rawPath.contains("//")) {
                // Routers match segment by segment: an empty one matches no route. Tolerating it would hide a client
                // that joins its base URL and paths badly.
                response = ApiResponse.message(404, "Not found").route("* (empty path segment)")
                        .why("no route: an empty path segment ('//')");
            } else if (exchange.localPort() == server.storageAddress().getPort()) {
                // The storage "host" serves pre-signed links only.
                response = artifacts.storage(method, rawPath, rawQuery, exchange.headers());
            } else if (rawPath.equals("/api/v2") || rawPath.startsWith("/api/v2/")) {
                String token = Auth.token(exchange.headers());
                // HEAD is GET without the body (Jetty leaves the body out), as servers answer it.
                String routedMethod = method.equals("HEAD") ? "GET" : method;
                response = routes.handle(ApiRequest.of(routedMethod, rawPath, rawQuery, token, routed.bytes()));
                if (method.equals("HEAD") && response.route() != null && response.route().startsWith("GET ")) {
                    response = response.route("HEAD " + response.route().substring(4));
                }
            } else if (artifacts.handles(rawPath)) {
                response = artifacts.handle(method, rawPath, exchange.headers());
            } else if (jobOutput.handles(rawPath)) {
                response = jobOutput.handle(method, rawPath, rawQuery, exchange.headers());
            } else {
                response = ApiResponse.message(404, "Not found").route("* (outside /api/v2)")
                        .why("no route outside /api/v2");
            }
            if (response.pipelineId() != null) {
                sim.pipeline(response.pipelineId()).ifPresent(p -> p.countRequest());
            }
            if (fault != null) {
                String kind = fault.kind().name().toLowerCase(Locale.ROOT);
                record(exchange.headers(), method, rawPath, rawQuery, apiPath, body,
                        FaultResponses.journalStatus(fault, response), at, response.route() + " (fault " + kind + ")",
                        "fault " + kind);
                recorded = true;
                FaultResponses.write(exchange, fault, response, rawQuery);
                return;
            }
            record(exchange.headers(), method, rawPath, rawQuery, apiPath, body, response.status(), at,
                    response.route(), note(routed.ignoredBecause(), response.status() >= 400 ? response.why() : null));
            recorded = true;
            write(exchange, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(exchange, recorded, method, rawPath, rawQuery, apiPath, body, at, 503, "Service unavailable.",
                    "the simulator is shutting down");
        } catch (RuntimeException | Error e) {
            // A bug: answer 500 when still possible, never kill the server thread.
            LOG.log(Level.FINE, "request failed: " + method + " " + rawPath, e);
            fail(exchange, recorded, method, rawPath, rawQuery, apiPath, body, at, 500, "Internal server error.",
                    "simulator error: " + e.getClass().getSimpleName()); // the class only: messages may quote input
        }
    }

    /** A request Jetty refused before {@link #answer} could see it: journaled like the simulator's own refusals. */
    private void refusedByJetty(Request request, boolean requestLine, int status, String message) {
        String rawPath = requestLine ? RequestTarget.encodeStrays(request.getHttpURI().getPath()) : "-";
        String query = requestLine ? request.getHttpURI().getQuery() : null;
        record(request.getHeaders(), requestLine ? request.getMethod().toUpperCase(Locale.ROOT) : "-", rawPath,
                query == null ? null : RequestTarget.encodeStrays(query), Journal.apiPath(rawPath), new byte[0],
                status, sim.now(), "* (unreadable request)", "unreadable request: " + message);
    }

    /** After a failure: journal the request if that did not happen yet, and answer if nothing was sent yet. */
    private void fail(FrontExchange exchange, boolean recorded, String method, String rawPath, String rawQuery,
                      String apiPath, byte[] body, Instant at, int status, String message, String why) {
        if (!recorded) {
            try {
                record(exchange.headers(), method, rawPath, rawQuery, apiPath, body, status, at, method + " (error)",
                        why);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "journal failed", e);
            }
        }
        if (exchange.open()) {
            write(exchange, ApiResponse.message(status, message));
        }
    }

    private static String note(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "; " + second;
    }

    private void record(HttpFields headers, String method, String rawPath, String rawQuery, String apiPath,
                        byte[] body, int status, Instant at, String route, String note) {
        journal.record(new JournalEntry(method, rawPath, Redaction.query(rawQuery), redactedHeaders(headers), body,
                status, at, note), apiPath, route);
    }

    static void write(FrontExchange exchange, ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", response.contentType());
        headers.putAll(response.headers());
        exchange.send(response.status(), headers, response.body());
    }

    private static void writeFault(FrontExchange exchange, FaultRule fault) {
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
                // Announce more bytes than are sent, then drop the connection: the client fails while reading the
                // body (OkHttp: "unexpected end of stream").
                exchange.sendCut(200, Map.of("Content-Type", "application/json;charset=utf-8"), 4096,
                        "{\"items\":[".getBytes(StandardCharsets.UTF_8));
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

    private static Map<String, List<String>> redactedHeaders(HttpFields headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach(field -> {
            String key = field.getLowerCaseName();
            String value = field.getValue() == null ? "" : field.getValue();
            out.computeIfAbsent(key, k -> new java.util.ArrayList<>())
                    .add(Redaction.isSecretHeader(key) ? Redaction.of(value) : value);
        });
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    @Override
    public void close() {
        server.close();
    }
}
