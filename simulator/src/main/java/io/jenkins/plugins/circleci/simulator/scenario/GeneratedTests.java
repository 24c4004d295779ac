package io.jenkins.plugins.circleci.simulator.scenario;

import java.util.ArrayList;
import java.util.List;

/** Many test results from three counts, for scenarios that need thousands of them (a job failing 5,000 tests). */
final class GeneratedTests {

    private GeneratedTests() {
    }

    static List<TestSpec> of(String job, int passed, int failed, int skipped) {
        if (passed < 0 || failed < 0 || skipped < 0) {
            throw new IllegalArgumentException("job '" + job + "': test counts must not be negative");
        }
        List<TestSpec> out = new ArrayList<>(passed + failed + skipped);
        String classname = "io.example." + job.replaceAll("[^A-Za-z0-9_]", "_") + ".GeneratedTest";
        for (int i = 1; i <= passed; i++) {
            out.add(TestSpec.passed(classname, "passes" + i).inFile("src/test/java/GeneratedTest.java"));
        }
        for (int i = 1; i <= failed; i++) {
            out.add(TestSpec.failed(classname, "fails" + i, "expected " + i + " but was " + (i + 1))
                    .inFile("src/test/java/GeneratedTest.java"));
        }
        for (int i = 1; i <= skipped; i++) {
            out.add(TestSpec.skipped(classname, "skipped" + i).inFile("src/test/java/GeneratedTest.java"));
        }
        return out;
    }
}
