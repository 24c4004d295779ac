package io.jenkins.plugins.circleci.simulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * One request and its response on an {@link HttpFront} connection, behind the JDK's {@link HttpExchange} API (so the
 * handler code is the same as on the JDK server). The body was read before the handler runs; the response goes into
 * the connection's buffer and is flushed once, when the exchange closes.
 *
 * <p>{@code sendResponseHeaders(code, n)}: {@code n > 0} sends exactly n bytes, {@code -1} none, {@code 0} a body of
 * unknown length (chunked; to an HTTP/1.0 client, delimited by closing the connection). A HEAD request gets the headers
 * a GET would get, Content-Length included, and no body.
 */
final class FrontExchange extends HttpExchange {

    /** Attribute holding the {@link BadRequest} of a request that could not be read; absent otherwise. */
    static final String BAD_REQUEST = "io.jenkins.plugins.circleci.simulator.badRequest";

    /** IMF-fixdate (RFC 9110 5.6.7): a two-digit day, unlike RFC_1123_DATE_TIME. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US);

    private final String method;
    private final URI uri;
    private final String protocol;
    private final Headers requestHeaders;
    private final byte[] requestBody;
    private final OutputStream raw;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final int keepAliveSeconds;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private boolean closeAfter;
    private int status = -1;
    private Body body;
    private boolean broken;
    private boolean closed;

    FrontExchange(String method, URI uri, String protocol, Headers requestHeaders, byte[] requestBody,
                  boolean keepAlive, OutputStream raw, InetSocketAddress local, InetSocketAddress remote,
                  int keepAliveSeconds) {
        this.method = method;
        this.uri = uri;
        this.protocol = protocol;
        this.requestHeaders = requestHeaders;
        this.requestBody = requestBody;
        this.closeAfter = !keepAlive;
        this.raw = raw;
        this.local = local;
        this.remote = remote;
        this.keepAliveSeconds = keepAliveSeconds;
    }

    boolean headersSent() {
        return status >= 0;
    }

    /** Whether the exchange was closed (by its handler, as long as the front has not closed it yet). */
    boolean closed() {
        return closed;
    }

    /** Whether the connection can carry another request after this exchange. */
    boolean reusable() {
        return closed && !broken && !closeAfter;
    }

    /** The response could not be completed (fewer body bytes than announced, a failed write): drop the connection. */
    void markBroken() {
        broken = true;
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
        if (headersSent()) {
            throw new IOException("response headers already sent");
        }
        status = rCode;
        boolean http10 = "HTTP/1.0".equals(protocol);
        boolean bodiless = rCode < 200 || rCode == 204 || rCode == 304;
        responseHeaders.remove("Content-Length");
        responseHeaders.remove("Transfer-Encoding");
        if (RequestReader.tokens(responseHeaders.get("Connection")).contains("close")) {
            closeAfter = true;
        }
        if (bodiless) {
            body = new Body(Body.Mode.DISCARD, 0);
        } else if (responseLength > 0) {
            responseHeaders.set("Content-Length", Long.toString(responseLength));
            body = new Body(Body.Mode.FIXED, responseLength);
        } else if (responseLength < 0) {
            responseHeaders.set("Content-Length", "0");
            body = new Body(Body.Mode.FIXED, 0);
        } else if (http10) {
            closeAfter = true; // no chunked coding in HTTP/1.0: the end of the connection ends the body
            body = new Body(Body.Mode.UNTIL_CLOSE, 0);
        } else {
            responseHeaders.set("Transfer-Encoding", "chunked");
            body = new Body(Body.Mode.CHUNKED, 0);
        }
        if ("HEAD".equals(method)) {
            body = new Body(Body.Mode.DISCARD, 0);
        }
        if (closeAfter) {
            responseHeaders.set("Connection", "close");
        } else if (http10) {
            responseHeaders.set("Connection", "keep-alive");
            responseHeaders.set("Keep-Alive", "timeout=" + keepAliveSeconds);
        }
        if (!responseHeaders.containsKey("Date")) {
            responseHeaders.set("Date", DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        }
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(rCode).append(' ')
                .append(reason(rCode)).append("\r\n");
        responseHeaders.forEach((name, values) -> {
            for (String value : values) {
                head.append(canonical(name)).append(": ").append(value).append("\r\n");
            }
        });
        raw.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public OutputStream getResponseBody() {
        if (body == null) {
            return new Body(Body.Mode.NOT_YET, 0);
        }
        return body;
    }

    /**
     * Ends the response (last chunk, flush). As on the JDK server, closing an exchange that sent no response drops
     * the connection without one (what a simulated connection reset wants); a fixed-length body left short breaks
     * the connection too.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (body != null) {
                body.finish();
            }
            raw.flush();
        } catch (IOException e) {
            broken = true;
        }
        if (!headersSent()) {
            broken = true;
        }
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public InputStream getRequestBody() {
        return new ByteArrayInputStream(requestBody);
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        throw new UnsupportedOperationException("filters are not supported");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** {@code content-type} → {@code Content-Type}: header names are case-insensitive, but people read them. */
    private static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> status < 400 ? "OK" : "Error";
        };
    }

    /** The response body stream, framed as the headers announced. */
    private final class Body extends OutputStream {

        enum Mode { FIXED, CHUNKED, UNTIL_CLOSE, DISCARD, NOT_YET }

        private final Mode mode;
        private long remaining;
        private boolean finished;

        Body(Mode mode, long length) {
            this.mode = mode;
            this.remaining = length;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (mode == Mode.NOT_YET) {
                throw new IOException("sendResponseHeaders must come before the body");
            }
            if (finished) {
                throw new IOException("response body already closed");
            }
            switch (mode) {
                case FIXED -> {
                    if (len > remaining) {
                        throw new IOException("more body bytes than the " + status + " response announced");
                    }
                    raw.write(b, off, len);
                    remaining -= len;
                }
                case CHUNKED -> {
                    if (len > 0) {
                        raw.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        raw.write(b, off, len);
                        raw.write(CRLF);
                    }
                }
                case UNTIL_CLOSE -> raw.write(b, off, len);
                default -> {
                    // HEAD, 204, 304: the body is not sent
                }
            }
        }

        @Override
        public void flush() throws IOException {
            raw.flush();
        }

        @Override
        public void close() throws IOException {
            finish();
        }

        void finish() throws IOException {
            if (finished || mode == Mode.NOT_YET) {
                return;
            }
            finished = true;
            if (mode == Mode.CHUNKED) {
                raw.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else if (mode == Mode.FIXED && remaining > 0) {
                broken = true; // the client was promised more: only closing the connection tells it
            }
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
}
