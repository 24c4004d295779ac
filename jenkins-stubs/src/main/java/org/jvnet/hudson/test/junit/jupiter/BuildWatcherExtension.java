package org.jvnet.hudson.test.junit.jupiter;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Stand-in of jenkins-test-harness's BuildWatcherExtension. */
public class BuildWatcherExtension implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        throw new UnsupportedOperationException("stand-in");
    }
}
