package io.jenkins.plugins.circleci.simulator.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A connection's input, buffered, kept across the requests of a keep-alive connection (bytes of a pipelined request
 * that arrived with the previous one stay here).
 */
final class ConnectionInput {

    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;

    ConnectionInput(InputStream in) {
        this.in = in;
    }

    /** Whether bytes already read from the socket are waiting (the start of a pipelined request). */
    boolean hasBuffered() {
        return pos < limit;
    }

    int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /** Exactly {@code n} bytes; the client closing before that is an {@link EOFException}. */
    byte[] readExactly(int n) throws IOException {
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            if (pos == limit && !fill()) {
                throw new EOFException("connection closed after " + done + " of " + n + " body bytes");
            }
            int chunk = Math.min(n - done, limit - pos);
            System.arraycopy(buf, pos, out, done, chunk);
            pos += chunk;
            done += chunk;
        }
        return out;
    }

    /**
     * A line ending in LF (a CR before it is dropped; a bare LF is accepted), read as ISO-8859-1 so every byte is one
     * char. Null at end of stream before any byte; {@code tooLong} once more than {@code max} bytes came without LF.
     */
    String line(int max, BadRequest tooLong) throws IOException, BadRequest {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = read();
            if (b == -1) {
                if (line.length() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a line");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= max) {
                throw tooLong;
            }
            line.append((char) b);
        }
    }

    /**
     * Reads and drops what the client still sends: up to {@code max} bytes, until it stops sending for the socket's
     * read timeout, or until {@code deadlineNanos} ({@link System#nanoTime()}).
     */
    void drain(int max, long deadlineNanos) {
        try {
            int dropped = limit - pos;
            pos = limit;
            while (dropped < max && System.nanoTime() < deadlineNanos) {
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    return;
                }
                dropped += n;
            }
        } catch (IOException e) {
            // timed out or reset: nothing more to drain
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
