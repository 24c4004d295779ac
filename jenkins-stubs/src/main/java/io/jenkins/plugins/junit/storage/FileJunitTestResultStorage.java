package io.jenkins.plugins.junit.storage;

/**
 * Stand-in of the JUnit plugin's FileJunitTestResultStorage (jenkinsci/junit-plugin @ 1a3a45de,
 * {@code src/main/java/io/jenkins/plugins/junit/storage/FileJunitTestResultStorage.java}), the built-in storage
 * (each build's {@code junitResult.xml}), as a type: the plugin only tests whether the configured storage is one.
 */
public class FileJunitTestResultStorage extends JunitTestResultStorage {
    public FileJunitTestResultStorage() {
        throw new UnsupportedOperationException("stand-in");
    }
}
