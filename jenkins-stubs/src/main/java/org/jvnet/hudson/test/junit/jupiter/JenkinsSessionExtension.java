package org.jvnet.hudson.test.junit.jupiter;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.fixtures.JenkinsSessionFixture;

/** Stand-in of jenkins-test-harness's JenkinsSessionExtension. */
public class JenkinsSessionExtension implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        throw new UnsupportedOperationException("stand-in");
    }

    @FunctionalInterface
    public interface Step extends JenkinsSessionFixture.Step {}

    public void then(Step s) throws Throwable {
        throw new UnsupportedOperationException("stand-in");
    }
}
