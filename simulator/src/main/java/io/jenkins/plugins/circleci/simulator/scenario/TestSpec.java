package io.jenkins.plugins.circleci.simulator.scenario;

import java.util.Objects;

/**
 * One test result a job reports through {@code GET /project/{slug}/{job-number}/tests}.
 *
 * @param classname the test's class (CircleCI's "programmatic location"); {@code ""} when the reporter gives none
 * @param name      the test's name
 * @param file      the file it is defined in; {@code ""} when unknown
 * @param result    CircleCI's {@code result}: {@code success}, {@code failure}, {@code skipped}, or any other text
 * @param message   the failure message, or null (CircleCI sends {@code null} or {@code ""} for passing tests)
 * @param runTime   seconds it ran
 * @param source    the program that produced it, e.g. {@code junit}, {@code rspec}
 */
public record TestSpec(String classname, String name, String file, String result, String message, double runTime,
                       String source) {

    public TestSpec {
        Objects.requireNonNull(name, "test name");
        classname = classname == null ? "" : classname;
        file = file == null ? "" : file;
        result = result == null ? "success" : result;
        source = source == null ? "junit" : source;
        if (runTime < 0) {
            throw new IllegalArgumentException("test '" + name + "': run_time must not be negative: " + runTime);
        }
    }

    public static TestSpec passed(String classname, String name) {
        return new TestSpec(classname, name, null, "success", null, 0.1, null);
    }

    public static TestSpec failed(String classname, String name, String message) {
        return new TestSpec(classname, name, null, "failure", message, 0.1, null);
    }

    public static TestSpec skipped(String classname, String name) {
        return new TestSpec(classname, name, null, "skipped", null, 0.0, null);
    }

    public TestSpec inFile(String path) {
        return new TestSpec(classname, name, path, result, message, runTime, source);
    }
}
