package io.jenkins.plugins.circleci.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code circleci-trigger/<version> (Java <version>; <vm>)}: lets CircleCI support tell our traffic apart. */
final class UserAgent {
    private static final String VALUE = "circleci-trigger/" + version() + " (Java "
            + System.getProperty("java.version", "?") + "; " + System.getProperty("java.vm.name", "?") + ")";

    private UserAgent() {}

    static String value() {
        return VALUE;
    }

    private static String version() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/io/jenkins/plugins/circleci/api/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the client's version.properties", e);
        }
    }
}
