package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/**
 * Stand-in of Jenkins core's FormValidation, executable: the kind and the message, which core HTML-escapes for the
 * plain-text factories (as here, for the characters core escapes).
 */
public abstract class FormValidation extends IOException implements HttpResponse {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation ok() {
        return of(Kind.OK, null);
    }

    public static FormValidation ok(String message) {
        return of(Kind.OK, escape(message));
    }

    public static FormValidation warning(String message) {
        return of(Kind.WARNING, escape(message));
    }

    public static FormValidation error(String message) {
        return of(Kind.ERROR, escape(message));
    }

    public abstract String renderHtml();

    private static FormValidation of(Kind kind, String html) {
        return new FormValidation(kind, html) {
            private static final long serialVersionUID = 1L;

            @Override
            public String renderHtml() {
                return html == null ? "" : html;
            }
        };
    }

    private static String escape(String text) {
        if (text == null) {
            return null;
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#039;").replace("\n", "<br>");
    }
}
