package io.jenkins.plugins.circleci.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.x written by hand on a plain socket, to send exactly what odd clients send (a body on a GET, a chunked body,
 * HTTP/1.0, pipelined requests, a malformed line) and to see exactly what comes back, including "nothing".
 */
final class RawHttp implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(String baseUrl) {
        URI base = URI.create(baseUrl);
        try {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request on a fresh connection, one response (null when the server closed without answering). */
    static Response exchange(String baseUrl, String request) {
        try (RawHttp raw = new RawHttp(baseUrl)) {
            return raw.send(request).read();
        }
    }

    /** Writes the text as ISO-8859-1 bytes (CRLFs included by the caller). */
    RawHttp send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Half-closes the connection: the server reads the end of the client's input, and can still answer. */
    RawHttp endOfInput() {
        try {
            socket.shutdownOutput();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next response; null when the connection was closed before a status line arrived. */
    Response read() {
        return read(true);
    }

    /** The next response to a HEAD: headers only, whatever Content-Length says. */
    Response readHead() {
        return read(false);
    }

    /**
     * True when the server closes the connection (end of stream) within 10 s, false when it is still open then. Only
     * the "still open" answer waits that long; the tests expect the other.
     */
    boolean closedByServer() {
        try {
            socket.setSoTimeout(10_000);
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private Response read(boolean bodyExpected) {
        try {
            String statusLine = line();
            while (statusLine != null && statusLine.isEmpty()) {
                statusLine = line();
            }
            if (statusLine == null) {
                return null;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.substring(colon + 1).trim());
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Response head = new Response(statusLine, status, headers, new byte[0]);
            if (status / 100 == 1) {
                return head; // an interim response; the final one follows
            }
            if (!bodyExpected || status == 204 || status == 304) {
                return head;
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
                body = chunked();
            } else if (head.header("content-length") != null) {
                body = in.readNBytes(Integer.parseInt(head.header("content-length")));
            } else {
                body = in.readAllBytes();
            }
            return new Response(statusLine, status, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line().split(";")[0].trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    /** A line without its CRLF; null at end of stream before any byte. */
    private String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = buf.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            buf.write(b);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /** A response as received; header names lower-case. */
    record Response(String statusLine, int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + bodyText(), e);
            }
        }

        String message() {
            return json().path("message").asText();
        }
    }
}
