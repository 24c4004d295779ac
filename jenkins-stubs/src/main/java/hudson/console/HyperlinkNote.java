package hudson.console;

/** Stand-in of Jenkins core's console hyperlink note: the plugin calls {@link #encodeTo(String, String)}. */
public class HyperlinkNote extends ConsoleNote {
    private static final long serialVersionUID = 1L;

    public HyperlinkNote(String url, int length) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static String encodeTo(String url, String text) {
        throw new UnsupportedOperationException("stand-in");
    }
}
