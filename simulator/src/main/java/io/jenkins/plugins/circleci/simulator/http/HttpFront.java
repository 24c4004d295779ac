package io.jenkins.plugins.circleci.simulator.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The simulator's HTTP/1.1 server: Jetty 12 (core API, no servlets). Jetty's selectors hold idle keep-alive connections
 * without a thread each, so thousands of polling clients are fine; a request runs on a pool thread, where the handler
 * may block (it reads the whole body, and a {@code delay} fault sleeps).
 *
 * <p>Jetty is configured to be as lenient as CircleCI's edge, and no more (docs/simulator.md, "What clients may send"):
 * <ul>
 *   <li>URIs: {@link UriCompliance#UNSAFE}. The router works on the raw path segment by segment and serves no files,
 *       so the ambiguities Jetty guards against for file-serving applications ({@code %2F}, {@code //}, {@code ..})
 *       reach the router, which answers them as CircleCI's does; characters like {@code |} and {@code {}} are served.</li>
 *   <li>HTTP: RFC 9110, plus obsolete line folding (unfolded, as the JDK's server did) and an absolute-form target
 *       whose authority differs from {@code Host} (RFC 9112 3.2.2 says to ignore {@code Host} then).</li>
 *   <li>Request line plus headers up to 64 KiB (431 beyond), bodies up to 8 MiB (413 beyond).</li>
 * </ul>
 * Requests Jetty refuses itself go to {@link RefusingErrorHandler}: CircleCI's {@code {"message": …}} and one journal
 * entry, never Jetty's HTML page. Every other request goes to the {@link Exchanges} handler, through a
 * {@link FrontExchange}; a handler that fails or returns without answering gets a 500 sent for it, so only a handler
 * that drops the connection on purpose leaves a client without an answer.
 */
final class HttpFront implements AutoCloseable {

    /** How long an idle keep-alive connection is kept, and how long a started request may stall. */
    static final int IDLE_SECONDS = 30;
    /** Request line plus headers; longer heads get 431. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Larger bodies get 413: no CircleCI request body comes near. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
    /**
     * Jetty's INFO lines (its version and "Started ..." at every start) would land on the terminal of everyone who
     * runs the simulator or the CLI's demo; its warnings still do. Held here so the level is not garbage-collected.
     */
    private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");

    static {
        if (JETTY_LOG.getLevel() == null) {
            JETTY_LOG.setLevel(Level.WARNING);
        }
    }

    /** What the simulator does with a request Jetty could read. */
    @FunctionalInterface
    interface Exchanges {
        void serve(FrontExchange exchange) throws Exception;
    }

    private final Server server;
    private final ServerConnector connector;
    /** A second listener, on another port of the same address: the simulated artifact storage's "host". */
    private final ServerConnector storageConnector;

    /**
     * Binds the socket at once (so the address is known before {@link #start()}); requests are accepted from
     * {@link #start()} on.
     *
     * @param workers  threads that run handlers; Jetty's acceptor and selector get threads of their own on top
     */
    HttpFront(InetSocketAddress bind, int backlog, int workers, Exchanges handler, RefusingErrorHandler.Listener refusals)
            throws IOException {
        int acceptors = 1;
        int selectors = 1;
        // The storage listener takes one acceptor and one selector more.
        QueuedThreadPool pool = new QueuedThreadPool(workers + 2 * (acceptors + selectors) + 2,
                Math.min(workers, 4) + acceptors + selectors);
        pool.setName("circleci-simulator-http");
        pool.setDaemon(true);
        server = new Server(pool);
        server.setStopTimeout(0); // a closed simulator stops now, whatever its clients are doing

        HttpConfiguration config = new HttpConfiguration();
        config.setHttpCompliance(HttpCompliance.RFC9110.with("CIRCLECI_SIMULATOR",
                HttpCompliance.Violation.MULTILINE_FIELD_VALUE, HttpCompliance.Violation.MISMATCHED_AUTHORITY));
        config.setUriCompliance(UriCompliance.UNSAFE);
        config.setRequestHeaderSize(MAX_HEAD_BYTES);
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setIdleTimeout(IDLE_SECONDS * 1000L);

        connector = new ServerConnector(server, acceptors, selectors, new HttpConnectionFactory(config));
        connector.setHost(bind.getHostString());
        connector.setPort(bind.getPort());
        connector.setAcceptQueueSize(backlog);
        connector.setIdleTimeout(IDLE_SECONDS * 1000L);
        server.addConnector(connector);
        storageConnector = new ServerConnector(server, acceptors, selectors, new HttpConnectionFactory(config));
        storageConnector.setHost(bind.getHostString());
        storageConnector.setPort(0);
        storageConnector.setIdleTimeout(IDLE_SECONDS * 1000L);
        server.addConnector(storageConnector);
        SizeLimitHandler bodyLimit = new SizeLimitHandler(MAX_BODY_BYTES, -1);
        bodyLimit.setHandler(new Front(handler));
        server.setHandler(bodyLimit);
        server.setErrorHandler(new RefusingErrorHandler(refusals));
        connector.open();
        try {
            storageConnector.open();
        } catch (IOException | RuntimeException e) {
            connector.close();
            throw e;
        }
    }

    void start() {
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the HTTP server did not start: " + e.getMessage(), e);
        }
    }

    InetSocketAddress address() {
        return address(connector);
    }

    /** Where the second listener, the simulated artifact storage, is bound. */
    InetSocketAddress storageAddress() {
        return address(storageConnector);
    }

    private static InetSocketAddress address(ServerConnector connector) {
        if (!(connector.getTransport() instanceof java.nio.channels.ServerSocketChannel channel)) {
            throw new IllegalStateException("the server socket is closed");
        }
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("the server socket is closed", e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.FINE, "stopping the HTTP server", e);
        }
        connector.close(); // when stop() failed, or start() never came: the socket was bound in the constructor
        storageConnector.close();
    }

    /** Runs the handler and makes sure every exchange ends: answered, dropped on purpose, or answered with a 500. */
    private static final class Front extends Handler.Abstract {

        private final Exchanges handler;

        Front(Exchanges handler) {
            super(InvocationType.BLOCKING); // handlers read the body and may sleep (delay faults)
            this.handler = handler;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            FrontExchange exchange = new FrontExchange(request, response, callback);
            try {
                handler.serve(exchange);
            } catch (Throwable t) { // a handler's failure is answered; only a deliberate drop ends without an answer
                LOG.log(Level.FINE, "handler failed", t);
            }
            exchange.finish();
            return true;
        }
    }
}
