package io.jenkins.plugins.circleci.simulator.http;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before the simulator's handler sees them (a malformed request line or header,
 * bad framing, an unsupported HTTP version, a head over 64 KiB, a body announced over 8 MiB) the way the handler answers
 * its own refusals: CircleCI's {@code {"message": …}} saying what was wrong and what to send instead, one journal entry
 * through the {@link Listener}, and {@code Connection: close}, since where the next request would start is unknown.
 * Jetty's own error page is HTML.
 */
final class RefusingErrorHandler extends ErrorHandler {

    /** Jetty's stand-in targets for a request whose request line could not be read. */
    private static final Set<String> PLACEHOLDER_PATHS = Set.of("/badMessage", "/badURI", "/badRequest");

    /** Told of every request refused here, before it is answered. */
    @FunctionalInterface
    interface Listener {
        /**
         * @param request      what Jetty could read of it (headers may be empty)
         * @param requestLine  whether its method and target were read; "-" stands for them otherwise
         * @param status       the status answered; 0 when the connection was already closed (nothing is answered)
         */
        void refused(Request request, boolean requestLine, int status, String message);
    }

    private final Listener listener;

    RefusingErrorHandler(Listener listener) {
        this.listener = listener;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (request.getAttribute(FrontExchange.OWNED) != null) {
            // The simulator's handler answered this request or dropped its connection on purpose; Jetty comes here
            // when the exchange's callback failed (a drop). There is nothing to add, and nobody to add it for.
            callback.succeeded();
            return true;
        }
        boolean requestLine = !PLACEHOLDER_PATHS.contains(request.getHttpURI().getPath());
        int status = response.getStatus();
        String reason = (String) request.getAttribute(ERROR_MESSAGE);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            reason = reason != null ? reason : http.getReason();
        }
        boolean inputEnded = reason != null && reason.contains("Early EOF");
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (inputEnded || !endPoint.isOpen() || endPoint.isOutputShutdown()) {
            // A head cut short: the client stopped sending (Jetty then shuts its output, so an answer may or may not
            // get out: none is tried), or sent nothing more for the idle timeout (Jetty closes the connection, as
            // nginx does). Jetty reports it here, with nobody to answer.
            listener.refused(request, requestLine, 0, (inputEnded
                    ? "the client stopped sending before the request line and headers arrived whole"
                    : "the request line and headers did not arrive whole within " + HttpFront.IDLE_SECONDS + " s")
                    + "; the connection was closed without an answer");
            // Failed rather than succeeded: a succeeded callback lets Jetty complete the exchange with its own bare
            // status line, which can get out before the close takes effect.
            endPoint.close();
            callback.failed(new EofException("closed without an answer"));
            return true;
        }
        if (status == 426) {
            // Jetty's answer to an HTTP/2.0 request line on an HTTP/1.1 port, but without the Upgrade header a 426
            // requires (RFC 9110 15.5.22): the version is simply not supported here.
            status = 505;
            reason = request.getConnectionMetaData().getHttpVersion().asString();
        }
        String message = message(status, reason, requestLine);
        listener.refused(request, requestLine, status, message);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(ApiResponse.message(status, message).body()), callback);
        return true;
    }

    /**
     * What the client reads: Jetty's reason (e.g. {@code Illegal character SPACE=' '}) and what to send instead.
     * Jetty says where it stopped only by whether it read the request line; a header problem is told apart from a
     * framing one by its reason.
     */
    static String message(int status, String reason, boolean requestLine) {
        String why = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        return switch (status) {
            case 400 -> {
                String lower = why.toLowerCase(Locale.ROOT);
                if (lower.contains("content-length") || lower.contains("transfer-encoding")) {
                    yield "Malformed request" + why + ": frame the body with one valid Content-Length, or with "
                            + "Transfer-Encoding ending in chunked; not both.";
                }
                if (lower.contains("host") || lower.contains("authority")) {
                    yield "Malformed request" + why + ": send exactly one Host header.";
                }
                yield requestLine
                        ? "Malformed header" + why + ": expected header lines 'Name: value'."
                        : "Malformed request line" + why + ": expected 'METHOD /path HTTP/1.1', the path "
                                + "percent-encoded.";
            }
            case 408 -> "The request did not arrive whole within " + HttpFront.IDLE_SECONDS + " s.";
            case 413 -> "Request body too large (at most " + HttpFront.MAX_BODY_BYTES + " bytes).";
            case 414, 431 -> "Request header fields too large (at most " + HttpFront.MAX_HEAD_BYTES
                    + " bytes of request line and headers).";
            case 501 -> "Not implemented" + why + ".";
            case 505 -> "HTTP version not supported" + why + ": use HTTP/1.1 (or HTTP/1.0).";
            default -> status >= 500 ? "Internal server error." : "Bad request" + why + ".";
        };
    }
}
