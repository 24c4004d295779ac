package io.jenkins.plugins.circleci.simulator.http;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.x request: request line, headers and body (Content-Length or chunked). Lenient where clients
 * differ harmlessly (a bare LF, empty lines before the request line, folded header lines, any header on any method),
 * strict where framing is ambiguous (Content-Length with Transfer-Encoding, conflicting lengths, unknown codings),
 * since guessing there would read the next request as this one's body.
 */
final class RequestReader {

    /** Request line plus headers; longer heads get 431. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Larger bodies get 413: no CircleCI request body comes near. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private static final Pattern VERSION = Pattern.compile("HTTP/(\\d)\\.(\\d)");
    private static final String TCHARS = "!#$%&'*+-.^_`|~";

    private RequestReader() {
    }

    /** What the request line and headers said. */
    record Head(String method, String target, String version, Headers headers) {

        boolean http10() {
            return "HTTP/1.0".equals(version);
        }

        /** Whether the client asked to keep the connection: HTTP/1.1 unless "close", HTTP/1.0 only on "keep-alive". */
        boolean keepAlive() {
            List<String> tokens = tokens(headers.get("Connection"));
            return http10() ? tokens.contains("keep-alive") : !tokens.contains("close");
        }
    }

    /** The request head, or null when the client closed the connection before sending one. */
    static Head readHead(ConnectionInput in) throws IOException, BadRequest {
        BadRequest tooLong = new BadRequest(431, "Request header fields too large (at most " + MAX_HEAD_BYTES
                + " bytes of request line and headers).");
        String requestLine = in.line(MAX_HEAD_BYTES, tooLong);
        for (int blank = 0; requestLine != null && requestLine.isEmpty() && blank < 8; blank++) {
            requestLine = in.line(MAX_HEAD_BYTES, tooLong); // RFC 9112 2.2: ignore empty lines before a request
        }
        if (requestLine == null) {
            return null;
        }
        int budget = MAX_HEAD_BYTES - requestLine.length();
        String[] parts = requestLine.trim().split("[ \t]+");
        if (parts.length != 3 || !isToken(parts[0])) {
            throw new BadRequest(400, "Malformed request line '" + RequestTarget.shorten(requestLine)
                    + "': expected METHOD /path HTTP/1.1.");
        }
        Matcher version = VERSION.matcher(parts[2]);
        if (!version.matches()) {
            throw new BadRequest(400, "Malformed request line '" + RequestTarget.shorten(requestLine)
                    + "': expected METHOD /path HTTP/1.1.");
        }
        if (!version.group(1).equals("1")) {
            throw new BadRequest(505, parts[2] + " is not supported over this connection; use HTTP/1.1.");
        }
        Headers headers = new Headers();
        String last = null;
        while (true) {
            String line = in.line(Math.max(budget, 1), tooLong);
            if (line == null) {
                throw new java.io.EOFException("connection closed in the request headers");
            }
            budget -= line.length() + 2;
            if (line.isEmpty()) {
                break;
            }
            if (line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
                throw new BadRequest(400, "Malformed header line: a header holds a CR or NUL character.");
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (last == null) {
                    throw new BadRequest(400, "Malformed header line: a continuation line with no header before it.");
                }
                List<String> values = new ArrayList<>(headers.get(last)); // obsolete line folding: join with a space
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.trim());
                headers.put(last, values);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw new BadRequest(400, "Malformed header line '" + RequestTarget.shorten(line)
                        + "': expected Name: value.");
            }
            last = line.substring(0, colon);
            headers.add(last, line.substring(colon + 1).trim());
        }
        return new Head(parts[0], parts[1], "HTTP/1." + version.group(2), headers);
    }

    /**
     * The body, by Content-Length or chunked (none without either). Sends {@code 100 Continue} first when the client
     * waits for it.
     */
    static byte[] readBody(Head head, ConnectionInput in, OutputStream out) throws IOException, BadRequest {
        List<String> codings = tokens(head.headers().get("Transfer-Encoding"));
        List<String> lengths = head.headers().get("Content-Length");
        if (head.headers().containsKey("Transfer-Encoding")) {
            if (lengths != null) {
                throw new BadRequest(400, "Both Content-Length and Transfer-Encoding were sent; send only one.");
            }
            if (!codings.equals(List.of("chunked"))) {
                throw new BadRequest(501, "Transfer-Encoding '" + String.join(", ", codings) + "' is not supported; "
                        + "send the body with Content-Length or Transfer-Encoding: chunked.");
            }
            continueIfExpected(head, out);
            return readChunked(in);
        }
        if (lengths == null) {
            return new byte[0];
        }
        long length = contentLength(lengths);
        if (length > MAX_BODY_BYTES) {
            throw new BadRequest(413, "Request body too large (" + length + " bytes; at most " + MAX_BODY_BYTES + ").");
        }
        if (length > 0) {
            continueIfExpected(head, out);
        }
        return in.readExactly((int) length);
    }

    private static long contentLength(List<String> headerValues) throws BadRequest {
        String seen = null;
        for (String value : tokens(headerValues)) {
            if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
                throw new BadRequest(400, "Content-Length '" + RequestTarget.shorten(value) + "' is not a number.");
            }
            if (seen != null && !seen.equals(value)) {
                throw new BadRequest(400, "Conflicting Content-Length values " + seen + " and " + value + ".");
            }
            seen = value;
        }
        if (seen == null) {
            throw new BadRequest(400, "Content-Length is empty.");
        }
        return Long.parseLong(seen);
    }

    private static byte[] readChunked(ConnectionInput in) throws IOException, BadRequest {
        BadRequest badSize = new BadRequest(400, "Malformed chunk size line in the chunked body.");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = in.line(1024, badSize);
            if (line == null) {
                throw new java.io.EOFException("connection closed in a chunked body");
            }
            int semicolon = line.indexOf(';'); // chunk extensions are allowed and ignored
            String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
            if (hex.isEmpty() || hex.length() > 7 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new BadRequest(400, "Malformed chunk size '" + RequestTarget.shorten(hex)
                        + "' in the chunked body.");
            }
            int size = Integer.parseInt(hex, 16);
            if (size == 0) {
                BadRequest tooLong = new BadRequest(431, "Request trailer fields too large.");
                int budget = MAX_HEAD_BYTES;
                for (String trailer = in.line(budget, tooLong); trailer != null && !trailer.isEmpty();
                        trailer = in.line(budget, tooLong)) {
                    budget -= trailer.length();
                }
                return body.toByteArray();
            }
            if (body.size() + (long) size > MAX_BODY_BYTES) {
                throw new BadRequest(413, "Request body too large (at most " + MAX_BODY_BYTES + " bytes).");
            }
            body.write(in.readExactly(size));
            String end = in.line(2, badSize);
            if (end == null || !end.isEmpty()) {
                throw new BadRequest(400, "A chunk of " + size + " bytes is not followed by CRLF in the chunked body.");
            }
        }
    }

    private static void continueIfExpected(Head head, OutputStream out) throws IOException {
        String expect = head.headers().getFirst("Expect");
        if (!head.http10() && expect != null && expect.trim().equalsIgnoreCase("100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    /** Comma-separated header values as lower-case tokens, e.g. {@code "Upgrade, close"} → [upgrade, close]. */
    static List<String> tokens(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String token : value.split(",")) {
                    if (!token.isBlank()) {
                        out.add(token.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return out;
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || TCHARS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
