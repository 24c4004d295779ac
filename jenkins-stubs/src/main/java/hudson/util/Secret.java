package hudson.util;

import java.io.Serializable;

/** Stand-in of Jenkins core's Secret. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {}

    public String getPlainText() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("stand-in");
    }
}
