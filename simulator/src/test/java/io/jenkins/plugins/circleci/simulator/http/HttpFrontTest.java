package io.jenkins.plugins.circleci.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The front's contract with its handler: every request is answered unless the handler drops it on purpose. */
class HttpFrontTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private HttpFront front;

    @AfterEach
    void stop() {
        front.close();
        pool.shutdownNow();
    }

    @Test
    void aHandlerThatFailsWithoutAnsweringGetsA500SentForIt() throws IOException {
        start(exchange -> {
            throw new IllegalStateException("a bug");
        });

        String response = exchange("GET /x HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 500 Internal Server Error\r\n")
                .contains("Connection: close\r\n").endsWith("{\"message\":\"Internal server error.\"}");
    }

    @Test
    void aHandlerThatReturnsWithoutAnsweringGetsA500Too() throws IOException {
        start(exchange -> { });

        assertThat(exchange("GET /x HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 500 ");
    }

    @Test
    void aHandlerThatClosesTheExchangeWithoutAnsweringDropsTheConnection() throws IOException {
        start(exchange -> {
            exchange.close();
            throw new IOException("simulated reset");
        });

        assertThat(exchange("GET /x HTTP/1.1\r\nHost: x\r\n\r\n")).isEmpty();
    }

    @Test
    void aShortFixedLengthBodyEndsTheConnectionAfterTheBytesSent() throws IOException {
        start(exchange -> {
            exchange.sendResponseHeaders(200, 100);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
            out.flush();
            exchange.close();
        });

        assertThat(exchange("GET /x HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("Content-Length: 100\r\n").endsWith("\r\n\r\n{\"items\":[");
    }

    @Test
    void anUnknownLengthBodyIsChunkedToHttp11AndDelimitedByCloseForHttp10() throws IOException {
        start(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("hello".getBytes(StandardCharsets.UTF_8));
            }
        });

        assertThat(exchange("GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .contains("Transfer-Encoding: chunked\r\n").endsWith("\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        assertThat(exchange("GET /x HTTP/1.0\r\n\r\n")).doesNotContain("Transfer-Encoding")
                .contains("Connection: close\r\n").endsWith("\r\n\r\nhello");
    }

    private void start(HttpHandler handler) throws IOException {
        front = new HttpFront(new InetSocketAddress("127.0.0.1", 0), 16, pool, handler);
        front.start();
    }

    /** Sends a request and reads until the server closes the connection. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", front.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (java.net.SocketException reset) {
                return "";
            }
        }
    }
}
