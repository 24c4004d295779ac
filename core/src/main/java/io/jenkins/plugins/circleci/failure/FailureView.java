package io.jenkins.plugins.circleci.failure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure report as both shells hand it out: the CLI's {@code --json} and the steps' return value carry it as
 * {@code failedJobs}, plain maps and lists of strings, numbers and booleans (the Groovy sandbox reads them without
 * approval).
 */
public final class FailureView {
    private FailureView() {}

    /**
     * {@code [{workflow, workflowId, name, number, status, durationSeconds, url, failedTests, testsComplete,
     * tests: [{classname, name, file, message}], logStep, logTail}]}; {@code logStep} and {@code logTail} are null
     * unless the output was asked for and read ({@code logTail} is its lines joined with {@code \n}).
     */
    public static List<Map<String, Object>> failedJobs(FailureReport report) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (FailedJob job : report.jobs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workflow", job.workflow());
            m.put("workflowId", job.workflowId());
            m.put("name", job.name());
            m.put("number", job.number());
            m.put("status", job.status());
            m.put("durationSeconds", job.duration() == null ? null : job.duration().toSeconds());
            m.put("url", job.url());
            m.put("failedTests", job.failedTestsRead());
            m.put("testsComplete", job.testsComplete());
            List<Map<String, Object>> tests = new ArrayList<>();
            for (FailedTest t : job.tests()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("classname", t.classname());
                tm.put("name", t.name());
                tm.put("file", t.file());
                tm.put("message", String.join("\n", t.message()));
                tests.add(tm);
            }
            m.put("tests", tests);
            m.put("logStep", job.logStep());
            m.put("logTail", job.logStep() == null ? null : String.join("\n", job.logTail()));
            jobs.add(m);
        }
        return jobs;
    }
}
