package io.jenkins.plugins.circleci.failure;

import io.jenkins.plugins.circleci.trigger.DurationText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A failure report as console lines, the same in Jenkins and the CLI: per failed job one line with its status,
 * duration and link, its failed tests with the first lines of their messages, then the log tail when asked for.
 * A job failing on two tests takes 6 to 10 lines plus its log tail.
 */
public final class FailureReportText {
    private FailureReportText() {}

    /** @param link turns a URL into what the console shows for it (Jenkins: a hyperlink note; the CLI: the URL) */
    public static List<String> lines(FailureReport report, UnaryOperator<String> link) {
        List<String> out = new ArrayList<>();
        for (FailedJob job : report.jobs()) {
            out.add("Failed job " + job.name() + " (#" + job.number() + ") of workflow " + job.workflow() + ": "
                    + job.status() + (job.duration() == null ? "" : " after " + DurationText.format(job.duration()))
                    + (job.url() == null ? "" : " " + link.apply(job.url())));
            tests(job, out);
            if (job.logStep() != null) {
                out.add("  Last " + (job.logTail().size() == 1 ? "line" : job.logTail().size() + " lines")
                        + " of step \"" + job.logStep() + "\":");
                job.logTail().forEach(line -> out.add(line.isEmpty() ? "    |" : "    | " + line));
            }
        }
        if (report.moreJobs() > 0) {
            out.add("… and " + report.moreJobs() + " more failed job" + (report.moreJobs() == 1 ? "" : "s")
                    + ", not looked at.");
        }
        report.warnings().forEach(w -> out.add("WARNING: " + w));
        return out;
    }

    private static void tests(FailedJob job, List<String> out) {
        if (job.failedTestsRead() == 0) {
            return;
        }
        String count = job.failedTestsRead() + " failed test" + (job.failedTestsRead() == 1 ? "" : "s");
        out.add("  " + (job.testsComplete() ? count + ":" : count + " in the first test results read:"));
        for (FailedTest t : job.tests()) {
            out.add("    - " + t.fullName() + (t.file().isEmpty() ? "" : " (" + t.file() + ")"));
            t.message().forEach(line -> out.add("        " + line));
        }
        if (job.moreFailedTests() > 0 || !job.testsComplete()) {
            out.add("    … " + (job.moreFailedTests() > 0 ? "and " + job.moreFailedTests() + " more" : "")
                    + (job.testsComplete() ? "" : (job.moreFailedTests() > 0 ? "; " : "") + "more results were not "
                            + "read, see the job's page"));
        }
    }
}
