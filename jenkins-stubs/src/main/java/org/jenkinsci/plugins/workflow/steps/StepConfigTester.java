package org.jenkinsci.plugins.workflow.steps;

import org.jvnet.hudson.test.JenkinsRule;

/** Stand-in of workflow-step-api's tests-jar StepConfigTester. */
public final class StepConfigTester {
    public StepConfigTester(JenkinsRule rule) {
        throw new UnsupportedOperationException("stand-in");
    }

    public <S extends Step> S configRoundTrip(S before) throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }
}
