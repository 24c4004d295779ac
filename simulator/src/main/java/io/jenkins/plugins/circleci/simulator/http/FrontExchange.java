package io.jenkins.plugins.circleci.simulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * One request Jetty could read, and its answer, for a handler that works in blocking style: read the whole body, then
 * {@link #send send} a complete response, {@link #sendCut cut} one short on purpose, or {@link #drop drop} the
 * connection without an answer. Exactly one of the three ends the exchange; {@link #finish()} answers 500 when the
 * handler did none.
 *
 * <p>Every response carries {@code Content-Length} (HEAD gets the GET's, and no body: Jetty leaves it out), a
 * {@code Date}, and {@code Connection: close} when the connection ends after it, HTTP/1.0 without keep-alive included.
 */
final class FrontExchange {

    private static final Logger LOG = Logger.getLogger(FrontExchange.class.getName());

    /**
     * Request attribute set once a handler owns the request, so that the {@link RefusingErrorHandler}, which Jetty calls
     * again when a dropped exchange's callback fails, neither journals nor answers it a second time.
     */
    static final String OWNED = "io.jenkins.plugins.circleci.simulator.exchangeOwned";

    private enum State { OPEN, ANSWERED, DROPPED }

    private final Request request;
    private final Response response;
    private final Callback callback;
    private boolean closeAfter;
    private State state = State.OPEN;

    FrontExchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        request.setAttribute(OWNED, Boolean.TRUE);
    }

    /** The port the request came in on: the API's listener or the artifact storage's. */
    int localPort() {
        return Request.getLocalPort(request);
    }

    /** The method as sent (case kept). */
    String method() {
        return request.getMethod();
    }

    /** The path as sent, percent-escapes kept, with characters that URI parsers refuse percent-encoded. */
    String rawPath() {
        return RequestTarget.encodeStrays(request.getHttpURI().getPath());
    }

    /** The query as sent (null when there is none), with characters that URI parsers refuse percent-encoded. */
    String rawQuery() {
        String query = request.getHttpURI().getQuery();
        return query == null ? null : RequestTarget.encodeStrays(query);
    }

    HttpFields headers() {
        return request.getHeaders();
    }

    /**
     * The whole request body (empty when none). {@code 100 Continue} goes out first when the client waits for it.
     *
     * @throws BadRequest when the body cannot be read: a transfer coding other than chunked (501), a malformed or cut
     *                    chunked body (400), more than {@link HttpFront#MAX_BODY_BYTES} (413), a body that stalls for
     *                    {@link HttpFront#IDLE_SECONDS} (408)
     */
    byte[] body() throws BadRequest {
        List<String> codings = request.getHeaders().getCSV(HttpHeader.TRANSFER_ENCODING, false);
        if (!codings.isEmpty() && !(codings.size() == 1 && codings.get(0).equalsIgnoreCase("chunked"))) {
            // Jetty reads "gzip, chunked" as chunked and would hand over the still-compressed bytes.
            throw new BadRequest(501, "Transfer-Encoding '" + String.join(", ", codings) + "' is not supported; "
                    + "send the body with Content-Length or Transfer-Encoding: chunked.");
        }
        if (codings.isEmpty() && !request.getHeaders().contains(HttpHeader.CONTENT_LENGTH)) {
            return new byte[0]; // no framing, no body (RFC 9112 6.3): most requests, the polls
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw unreadableBody(e, !codings.isEmpty());
        }
    }

    private static BadRequest unreadableBody(Throwable failure, boolean chunked) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() == 413) {
                return new BadRequest(413, "Request body too large (at most " + HttpFront.MAX_BODY_BYTES + " bytes).");
            }
            if (t instanceof TimeoutException) {
                return new BadRequest(408, "The request body did not arrive whole within " + HttpFront.IDLE_SECONDS
                        + " s.");
            }
        }
        // Jetty reports a malformed chunk as an early end of the body: the two cannot be told apart here.
        return new BadRequest(400, chunked
                ? "Malformed or incomplete chunked body: expected chunks of '<hex size>CRLF<data>CRLF' ending with "
                        + "'0CRLF CRLF'."
                : "The request body ended before its Content-Length.");
    }

    /** Whether nothing was sent or dropped yet: the exchange can still be answered. */
    boolean open() {
        return state == State.OPEN && !response.isCommitted();
    }

    /** Ends the connection after the response (the request's framing is not to be trusted, say). */
    void closeAfterResponse() {
        closeAfter = true;
    }

    /** Sends a complete response. {@code headers} carries {@code Content-Type} and any other header to set. */
    void send(int status, Map<String, String> headers, byte[] body) {
        requireOpen();
        state = State.ANSWERED;
        prepare(status, headers, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Sends the status line and headers announcing {@code announcedLength} body bytes, then {@code part} (fewer), then
     * closes the connection: the client fails while reading the body ("unexpected end of stream").
     */
    void sendCut(int status, Map<String, String> headers, long announcedLength, byte[] part) {
        requireOpen();
        prepare(status, headers, announcedLength);
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(part), written);
            written.block();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "the client left before the cut response", e);
        }
        drop();
    }

    /** Closes the connection without an answer, or without the rest of one. */
    void drop() {
        if (state != State.OPEN) {
            return;
        }
        state = State.DROPPED;
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new EofException("connection dropped on purpose"));
    }

    /** Called when the handler is done: an exchange it neither answered nor dropped gets a 500. */
    void finish() {
        if (state != State.OPEN) {
            return;
        }
        if (response.isCommitted()) {
            drop(); // a response the handler started and never ended: only closing tells the client
            return;
        }
        closeAfterResponse();
        send(500, Map.of("Content-Type", "application/json;charset=utf-8"),
                "{\"message\":\"Internal server error.\"}".getBytes(StandardCharsets.UTF_8));
    }

    private void prepare(int status, Map<String, String> headers, long contentLength) {
        response.setStatus(status);
        HttpFields.Mutable out = response.getHeaders();
        headers.forEach(out::put);
        out.put(HttpHeader.CONTENT_LENGTH, contentLength);
        if (closeAfter || (request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_0
                && !request.getHeaders().contains(HttpHeader.CONNECTION, HttpHeaderValue.KEEP_ALIVE.asString()))) {
            // HTTP/1.0 closes by default; Jetty does so without saying it, the header says it to the client too.
            out.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the exchange already ended: " + state.name().toLowerCase(Locale.ROOT));
        }
    }
}
