package io.jenkins.plugins.circleci.simulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The simulator's HTTP/1.1 server. It replaces the JDK's {@code HttpServer}, which answers some requests that real
 * clients send (a {@code |} or {@code {}} in a query, an unknown transfer coding) with its own HTML page and no journal
 * entry, and which silently closes a keep-alive connection after its response once 200 are idle, so the client's next
 * request on it dies unanswered ("socket hang up").
 *
 * <p>Same shape as the JDK server: one thread waits on a selector for connections with bytes to read, so an idle
 * keep-alive connection holds no thread; a worker of the pool then reads the request in blocking mode, runs the
 * handler, writes the response, and either serves a pipelined request already buffered or hands the connection back
 * to the selector. Every request gets a response: a request that cannot be read is still passed to the handler, with a
 * {@link BadRequest} in the {@link FrontExchange#BAD_REQUEST} attribute, and the connection is closed after the
 * answer; a handler that fails without answering gets a 500 sent for it. Only a handler that breaks a response on
 * purpose ends a connection without a complete one: by sending fewer body bytes than announced (a simulated
 * disconnect), or by closing the exchange without sending anything (a simulated reset), as on the JDK server.
 */
final class HttpFront implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
    /** How long a started request may take to arrive whole. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    /** How long an idle keep-alive connection is kept; the same as the JDK server's default. */
    static final int IDLE_SECONDS = 30;
    /** After refusing an unreadable request: how much of the rest is read (and dropped) before closing, so the
     * client's unread bytes do not make the kernel reset the connection and lose the answer. */
    private static final int DRAIN_BYTES = 1024 * 1024;
    private static final int DRAIN_MILLIS = 1_000;

    private final ServerSocketChannel server;
    private final Selector selector;
    private final ExecutorService workers;
    private final HttpHandler handler;
    private final Queue<Connection> toRegister = new ConcurrentLinkedQueue<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Thread dispatcher;
    private volatile boolean running = true;

    /** A client connection: its channel and the buffers kept between its requests. */
    private static final class Connection {
        final SocketChannel channel;
        ConnectionInput in;
        OutputStream out;
        volatile long idleSince = System.nanoTime();

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    HttpFront(InetSocketAddress bind, int backlog, ExecutorService workers, HttpHandler handler) throws IOException {
        this.workers = workers;
        this.handler = handler;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.bind(bind, backlog);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            selector.close();
            throw e;
        }
        this.dispatcher = new Thread(this::dispatch, "circleci-simulator-http-dispatcher");
        dispatcher.setDaemon(true);
    }

    void start() {
        dispatcher.start();
    }

    InetSocketAddress address() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("the server socket is closed", e);
        }
    }

    // ---- the dispatcher thread: accept, wait for readable connections, close idle ones

    private void dispatch() {
        long lastSweep = System.nanoTime();
        while (running) {
            try {
                for (Connection c; (c = toRegister.poll()) != null; ) {
                    register(c);
                }
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else if (key.isReadable()) {
                        key.cancel(); // the worker reads in blocking mode; the channel is registered again after
                        Connection c = (Connection) key.attachment();
                        try {
                            workers.execute(() -> serve(c));
                        } catch (RejectedExecutionException e) {
                            close(c); // shutting down
                        }
                    }
                }
                selector.selectedKeys().clear();
                selector.selectNow(); // deregisters the cancelled keys, so their channels can be registered again
                if (System.nanoTime() - lastSweep > 1_000_000_000L) {
                    closeIdle();
                    lastSweep = System.nanoTime();
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "dispatcher", e);
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel = server.accept();
        if (channel == null) {
            return;
        }
        // Headers and body go out in one flush, but a small response must not wait for a delayed ACK either.
        channel.socket().setTcpNoDelay(true);
        Connection c = new Connection(channel);
        open.add(c);
        register(c);
    }

    private void register(Connection c) {
        try {
            c.channel.configureBlocking(false);
            c.idleSince = System.nanoTime();
            c.channel.register(selector, SelectionKey.OP_READ, c);
        } catch (IOException | RuntimeException e) {
            close(c);
        }
    }

    /** Idle keep-alive connections are closed after {@link #IDLE_SECONDS}, as servers do. */
    private void closeIdle() {
        long now = System.nanoTime();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection c && key.isValid()
                    && now - c.idleSince > IDLE_SECONDS * 1_000_000_000L) {
                key.cancel();
                close(c);
            }
        }
    }

    // ---- a worker: read requests, answer them, hand the connection back

    private void serve(Connection c) {
        try {
            c.channel.configureBlocking(true);
            Socket socket = c.channel.socket();
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            if (c.in == null) {
                c.in = new ConnectionInput(socket.getInputStream());
                c.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            }
            do {
                if (!serveOne(c)) {
                    return;
                }
            } while (c.in.hasBuffered()); // a pipelined request already read: no need to wait for the selector
            toRegister.add(c);
            selector.wakeup();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "connection dropped", e);
            close(c);
        }
    }

    /** One request and its response; false when the connection was (or must be) closed. */
    private boolean serveOne(Connection c) throws IOException {
        RequestReader.Head head = null;
        byte[] body = new byte[0];
        BadRequest refused = null;
        try {
            head = RequestReader.readHead(c.in);
            if (head == null) {
                close(c); // the client closed the connection between requests
                return false;
            }
            body = RequestReader.readBody(head, c.in, c.out);
        } catch (BadRequest e) {
            refused = e;
        } catch (SocketTimeoutException e) {
            refused = new BadRequest(408, "The request did not arrive whole within " + READ_TIMEOUT_MILLIS / 1000
                    + " s.");
        }
        URI uri = null;
        if (head != null && refused == null) {
            try {
                uri = RequestTarget.parse(head.target());
            } catch (BadRequest e) {
                refused = e;
            }
        }
        FrontExchange exchange = exchange(c, head, uri, body, refused);
        try {
            handler.handle(exchange);
        } catch (Throwable t) { // a handler's failure is answered; only a deliberate drop ends without an answer
            LOG.log(Level.FINE, "handler failed", t);
            if (exchange.headersSent()) {
                exchange.markBroken();
            }
        }
        if (!exchange.headersSent() && !exchange.closed()) {
            internalError(exchange); // the handler neither answered nor dropped the connection: a bug, still answered
        }
        exchange.close();
        if (exchange.reusable()) {
            return true;
        }
        if (refused != null) {
            lingeringClose(c);
        } else {
            close(c);
        }
        return false;
    }

    private static FrontExchange exchange(Connection c, RequestReader.Head head, URI uri, byte[] body,
                                          BadRequest refused) {
        Socket socket = c.channel.socket();
        InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        String method = head == null ? "-" : head.method();
        URI target = uri != null ? uri : URI.create("-");
        if (uri == null && head != null) {
            try {
                target = RequestTarget.parse(head.target());
            } catch (BadRequest ignored) {
                // the journal shows "-" for a target that is not a path
            }
        }
        FrontExchange exchange = new FrontExchange(method, target, head == null ? "HTTP/1.1" : head.version(),
                head == null ? new Headers() : head.headers(), body, refused == null && head.keepAlive(), c.out,
                local, remote, IDLE_SECONDS);
        if (refused != null) {
            exchange.setAttribute(FrontExchange.BAD_REQUEST, refused);
        }
        return exchange;
    }

    private static void internalError(FrontExchange exchange) {
        try {
            byte[] body = "{\"message\":\"Internal server error.\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            exchange.markBroken();
        }
    }

    /** Closes after an unread request: stop sending, read what the client still sends for a while, then close. */
    private void lingeringClose(Connection c) {
        try {
            Socket socket = c.channel.socket();
            socket.shutdownOutput();
            socket.setSoTimeout(DRAIN_MILLIS);
            c.in.drain(DRAIN_BYTES, System.nanoTime() + DRAIN_MILLIS * 1_000_000L);
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
        close(c);
    }

    private void close(Connection c) {
        open.remove(c);
        try {
            c.channel.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            selector.wakeup();
            dispatcher.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            // closing
        }
        open.forEach(this::close);
    }
}
