package io.jenkins.plugins.circleci.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The front's contract with its handler: every request is answered unless the handler drops it on purpose, and every
 * request Jetty refuses reaches the refusal listener exactly once.
 */
class HttpFrontTest {

    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private HttpFront front;

    @AfterEach
    void stop() {
        front.close();
    }

    @Test
    void aHandlerThatFailsWithoutAnsweringGetsA500SentForIt() throws IOException {
        start(exchange -> {
            throw new IllegalStateException("a bug");
        });

        String response = exchange("GET /x HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 500 ") // the reason phrase is Jetty's ("Server Error")
                .contains("Connection: close\r\n").endsWith("{\"message\":\"Internal server error.\"}");
        assertThat(refusals).as("the handler owned the request: journaling it is the handler's job").isEmpty();
    }

    @Test
    void aHandlerThatReturnsWithoutAnsweringGetsA500Too() throws IOException {
        start(exchange -> { });

        assertThat(exchange("GET /x HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 500 ");
    }

    @Test
    void aHandlerThatDropsTheExchangeClosesTheConnectionWithoutAnAnswer() throws IOException {
        start(FrontExchange::drop);

        assertThat(exchange("GET /x HTTP/1.1\r\nHost: x\r\n\r\n")).isEmpty();
        assertThat(refusals).as("Jetty's error path is not taken for a drop on purpose").isEmpty();
    }

    @Test
    void aCutResponseEndsTheConnectionAfterTheBytesSent() throws IOException {
        start(exchange -> exchange.sendCut(200, Map.of("Content-Type", "application/json"), 100,
                "{\"items\":[".getBytes(StandardCharsets.UTF_8)));

        assertThat(exchange("GET /x HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("Content-Length: 100\r\n").endsWith("\r\n\r\n{\"items\":[");
    }

    @Test
    void aCompleteResponseCarriesItsLengthAndKeepsTheConnection() throws IOException {
        start(exchange -> exchange.send(201, Map.of("Content-Type", "text/plain"),
                "hello".getBytes(StandardCharsets.UTF_8)));

        try (Socket socket = new Socket("127.0.0.1", front.address().getPort())) {
            socket.setSoTimeout(10_000);
            for (int i = 0; i < 2; i++) { // the same connection twice
                socket.getOutputStream().write("GET /x HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                String head = readHead(socket.getInputStream());
                assertThat(head).startsWith("HTTP/1.1 201 Created\r\n").contains("Content-Length: 5\r\n")
                        .doesNotContain("Connection: close").doesNotContain("Server:");
                assertThat(new String(socket.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("hello");
            }
        }
    }

    @Test
    void anHttp10ResponseSaysTheConnectionCloses() throws IOException {
        start(exchange -> exchange.send(200, Map.of("Content-Type", "text/plain"),
                "hello".getBytes(StandardCharsets.UTF_8)));

        assertThat(exchange("GET /x HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("Connection: close\r\n").endsWith("\r\n\r\nhello");
    }

    @Test
    void aRequestJettyRefusesIsAnsweredInJsonAndReportedOnce() throws IOException {
        start(exchange -> {
            throw new AssertionError("never reached");
        });

        String response = exchange("GARBAGE\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close\r\n")
                .contains("Content-Type: application/json").contains("{\"message\":\"Malformed request line");
        assertThat(refusals).hasSize(1).allSatisfy(r -> assertThat(r).startsWith("false 400 Malformed request line"));
    }

    private void start(HttpFront.Exchanges handler) throws IOException {
        front = new HttpFront(new InetSocketAddress("127.0.0.1", 0), 16, 2, handler,
                (request, requestLine, status, message) -> refusals.add(requestLine + " " + status + " " + message));
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

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
