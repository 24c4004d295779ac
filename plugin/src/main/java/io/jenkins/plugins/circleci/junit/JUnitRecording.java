package io.jenkins.plugins.circleci.junit;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.circleci.testresults.CollectedTestResults;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code junit: true}: records CircleCI's test results as the build's test result when the JUnit plugin (an optional
 * dependency) is installed, and says why nothing was recorded otherwise. Never throws and never changes the build's
 * result: the CircleCI outcome decides that.
 */
public final class JUnitRecording {
    /** A class of the JUnit plugin: present exactly when the plugin is installed (and enabled). */
    static final String JUNIT_CLASS = "hudson.tasks.junit.TestResultAction";

    private JUnitRecording() {}

    /**
     * Records the results and returns the console lines that say what was recorded, or why nothing was.
     *
     * @param run the build; null in tests without Jenkins, where nothing is recorded
     */
    public static List<String> record(Run<?, ?> run, CollectedTestResults results, TaskListener listener) {
        List<String> lines = new ArrayList<>();
        results.warnings().forEach(w -> lines.add("WARNING: " + w));
        if (!available(JUNIT_CLASS, JUnitRecording.class.getClassLoader())) {
            lines.add("junit: true recorded nothing: the JUnit plugin is not installed. Install it (Manage Jenkins "
                    + "> Plugins) to see CircleCI's test results on the build's Test Result page.");
            return lines;
        }
        if (results.jobs().isEmpty()) {
            lines.add("junit: true recorded nothing: CircleCI reported no test results for the counted jobs.");
            return lines;
        }
        if (run == null) {
            return lines;
        }
        try {
            lines.add(JUnitResults.record(run, results, listener));
        } catch (Exception | LinkageError e) {
            lines.add("WARNING: Could not record CircleCI's test results as this build's test result ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
        }
        return lines;
    }

    /**
     * The line that says nothing was recorded because this Jenkins keeps test results in a pluggable storage, which
     * this step does not write to (see {@link JUnitResults}).
     *
     * @param storageClass the configured storage's class name; null if none was found
     */
    static String pluggableStorage(String storageClass) {
        return "junit: true recorded nothing: this Jenkins keeps test results in a pluggable storage ("
                + (storageClass == null ? "none configured" : storageClass) + "), and this step records them only "
                + "into the JUnit plugin's default storage (\"Local file system\"); CircleCI's test results stay on "
                + "CircleCI.";
    }

    /** Whether {@code className} can be loaded by {@code loader}, without initializing it. */
    static boolean available(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
