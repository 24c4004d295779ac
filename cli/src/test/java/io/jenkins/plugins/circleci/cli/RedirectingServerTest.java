package io.jenkins.plugins.circleci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A --server that redirects (e.g. http:// to https://, or to another host) gets neither the token nor a replay. */
class RedirectingServerTest {
    private static final String TOKEN = "redirect-test-token-31c9";
    private final AtomicInteger redirected = new AtomicInteger();
    private final AtomicInteger reachedElsewhere = new AtomicInteger();
    private HttpServer configured;
    private HttpServer elsewhere;

    private static HttpServer start(InetAddress address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        configured.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void aRedirectToAnotherHostEndsWithExitTwoNamingWhereItPointed() throws IOException {
        elsewhere = start(InetAddress.getByName("127.0.0.2"));
        elsewhere.createContext("/", exchange -> {
            reachedElsewhere.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        String target = "http://127.0.0.2:" + elsewhere.getAddress().getPort();
        configured = start(InetAddress.getLoopbackAddress());
        configured.createContext("/", exchange -> {
            redirected.incrementAndGet();
            exchange.getResponseHeaders().set("Location", target + exchange.getRequestURI().getRawPath() + "?s=1");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });

        CliRun run = CliRun.of(Map.of("CIRCLECI_TOKEN", TOKEN), "wait", "--pipeline-id",
                "5034460f-c7c4-4c43-9457-de07e2029e7b", "--server",
                "http://127.0.0.1:" + configured.getAddress().getPort());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("answered 302", "redirecting to " + target + "/api/v2/pipeline/",
                "Configure the server URL it redirects to").doesNotContain(TOKEN, "s=1");
        assertThat(redirected.get()).isEqualTo(1);
        assertThat(reachedElsewhere.get()).isZero();
    }
}
