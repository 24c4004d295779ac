package io.jenkins.plugins.junit.storage;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/**
 * Stand-in of the JUnit plugin's JunitTestResultStorage (jenkinsci/junit-plugin @ 1a3a45de and 7c398a99,
 * {@code src/main/java/io/jenkins/plugins/junit/storage/JunitTestResultStorage.java}; {@code @Restricted(Beta.class)}
 * upstream, so the plugin's POM sets {@code useBeta}): only {@code find()}, the storage this Jenkins is configured
 * with. The abstract {@code createRemotePublisher} (whose parameters changed between those commits) and {@code load}
 * are left out.
 */
@SuppressWarnings("deprecation") // upstream extends AbstractDescribableImpl, deprecated since core 2.505
public abstract class JunitTestResultStorage extends AbstractDescribableImpl<JunitTestResultStorage>
        implements ExtensionPoint {
    public static JunitTestResultStorage find() {
        throw new UnsupportedOperationException("stand-in");
    }
}
