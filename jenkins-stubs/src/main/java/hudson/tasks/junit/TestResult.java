package hudson.tasks.junit;

import hudson.tasks.test.MetaTabulatedResult;
import hudson.tasks.test.PipelineTestDetails;
import java.io.File;
import java.io.IOException;

/**
 * Stand-in of the JUnit plugin's TestResult (jenkinsci/junit-plugin @ 002534a5 and the newer version read as index id
 * 10873714070, {@code src/main/java/hudson/tasks/junit/TestResult.java}): final, a {@link MetaTabulatedResult}; the
 * empty result, parsing a JUnit XML report file into it ({@code parse(File, PipelineTestDetails)}, since 1.22),
 * {@code tally()} (declared upstream in {@code hudson.tasks.test.TestResult} and overridden here) and its counts.
 */
public final class TestResult extends MetaTabulatedResult {
    private static final long serialVersionUID = 1L;

    public TestResult() {
        throw new UnsupportedOperationException("stand-in");
    }

    public void parse(File reportFile, PipelineTestDetails pipelineTestDetails) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void tally() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public int getPassCount() {
        throw new UnsupportedOperationException("stand-in");
    }

    public int getFailCount() {
        throw new UnsupportedOperationException("stand-in");
    }

    public int getSkipCount() {
        throw new UnsupportedOperationException("stand-in");
    }

    public int getTotalCount() {
        throw new UnsupportedOperationException("stand-in");
    }
}
