package hudson;

/** Stand-in of Jenkins core's hudson.AbortException: an IOException whose message is printed without a stack trace. */
public final class AbortException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public AbortException() {}

    public AbortException(String message) {
        super(message);
    }
}
