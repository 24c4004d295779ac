package io.jenkins.plugins.circleci.api.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/** Tells an interrupted thread from a timeout among the I/O failures OkHttp reports. */
final class Interruptions {
    private Interruptions() {}

    /**
     * Whether {@code e} means the calling thread was interrupted. OkHttp reports its own call timeout as a plain
     * {@link InterruptedIOException} whose message is {@code timeout}, and a socket timeout as a
     * {@link SocketTimeoutException}: neither is an interrupt, and taking one for it would set the interrupt flag of a
     * thread nobody interrupted (every later call on it would then give up as "aborted").
     */
    static boolean interrupted(IOException e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                && !"timeout".equals(e.getMessage());
    }
}
