package io.jenkins.plugins.circleci.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CircleCI's OpenAPI spec for tests that check core's requests with a second reader: {@code -Dcircleci.spec=PATH},
 * else {@code $CIRCLECI_SPEC}, else {@code shared/circleci/openapi-v2.json} in or above the working directory (the
 * same places as the simulator's contract test). On CI ({@code CI=true}) it must be found.
 */
final class SpecFile {
    private SpecFile() {}

    static Optional<Path> find() {
        String given = System.getProperty("circleci.spec");
        if (given == null || given.isBlank()) {
            given = System.getenv("CIRCLECI_SPEC");
        }
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given.strip());
            if (!Files.isRegularFile(path)) {
                throw new AssertionError("The CircleCI spec given (" + path + ") is not a file.");
            }
            return Optional.of(path);
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared/circleci/openapi-v2.json"),
                    dir.resolveSibling("shared").resolve("circleci/openapi-v2.json")}) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CircleCI's OpenAPI spec (shared/circleci/openapi-v2.json) was not found above "
                    + System.getProperty("user.dir") + "; give -Dcircleci.spec=PATH.");
        }
        return Optional.empty();
    }
}
