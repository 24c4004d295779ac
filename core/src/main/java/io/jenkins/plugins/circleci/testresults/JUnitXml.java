package io.jenkins.plugins.circleci.testresults;

import io.jenkins.plugins.circleci.api.model.TestCase;
import java.util.Locale;
import java.util.Set;

/**
 * One job's test results as a JUnit XML report ({@code <testsuite>} named {@code <workflow>/<job>}), the format every
 * test report reads: {@code failure}/{@code failed}/{@code error} results become failures, {@code skipped}/{@code skip}
 * skipped tests, every other result a pass. Text that XML cannot carry is dropped; messages are cut to
 * {@link #MAX_MESSAGE} characters.
 */
public final class JUnitXml {
    static final int MAX_MESSAGE = 16 * 1024;
    private static final Set<String> FAILED = Set.of("failure", "failed", "error");
    private static final Set<String> SKIPPED = Set.of("skipped", "skip");

    private JUnitXml() {}

    public static String of(JobTestResults job) {
        int failures = 0;
        int skipped = 0;
        double time = 0;
        StringBuilder cases = new StringBuilder();
        for (TestCase t : job.tests()) {
            String result = t.result() == null ? "" : t.result().strip().toLowerCase(Locale.ROOT);
            double seconds = Double.isFinite(t.runTimeSeconds()) && t.runTimeSeconds() > 0 ? t.runTimeSeconds() : 0;
            time += seconds;
            String classname = t.classname() == null || t.classname().isBlank() ? job.job() : t.classname();
            cases.append("  <testcase classname=\"").append(attr(classname)).append("\" name=\"")
                    .append(attr(t.name() == null ? "" : t.name())).append("\" time=\"").append(seconds).append('"');
            if (t.file() != null && !t.file().isBlank()) {
                cases.append(" file=\"").append(attr(t.file())).append('"');
            }
            if (FAILED.contains(result)) {
                failures++;
                String message = t.message() == null ? "" : cut(t.message());
                int firstBreak = message.indexOf('\n');
                cases.append(">\n    <failure message=\"")
                        .append(attr(firstBreak < 0 ? message : message.substring(0, firstBreak))).append("\">")
                        .append(text(message)).append("</failure>\n  </testcase>\n");
            } else if (SKIPPED.contains(result)) {
                skipped++;
                cases.append(">\n    <skipped/>\n  </testcase>\n");
            } else {
                cases.append("/>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\""
                + attr(job.workflow() + "/" + job.job()) + "\" tests=\"" + job.tests().size() + "\" failures=\""
                + failures + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"" + time + "\">\n" + cases
                + "</testsuite>\n";
    }

    private static String cut(String s) {
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }

    private static String text(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    // XML 1.0 allows tab, newline, carriage return and these ranges; anything else is dropped.
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
