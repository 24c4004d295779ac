package org.jenkinsci.plugins.workflow.cps;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.jvnet.hudson.test.JenkinsRule;

/** Stand-in of workflow-cps's tests-jar SnippetizerTester. */
public class SnippetizerTester {
    public SnippetizerTester(JenkinsRule r) {
        throw new UnsupportedOperationException("stand-in");
    }

    public void assertRoundTrip(Step step, String expected) throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }
}
