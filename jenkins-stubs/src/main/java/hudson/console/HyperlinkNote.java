package hudson.console;

/**
 * Stand-in of Jenkins core's console hyperlink note (its ConsoleNote superclass is left out: the plugin only calls
 * {@link #encodeTo(String, String)}).
 */
public class HyperlinkNote {
    public static String encodeTo(String url, String text) {
        throw new UnsupportedOperationException("stand-in");
    }
}
