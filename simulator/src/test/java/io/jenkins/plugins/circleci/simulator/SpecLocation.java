package io.jenkins.plugins.circleci.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the contract test finds CircleCI's OpenAPI spec: {@code -Dcircleci.spec=PATH}, else {@code $CIRCLECI_SPEC},
 * else {@code shared/circleci/openapi-v2.json} in or beside the working directory or any directory above it. A path
 * given explicitly must exist; on CI ({@code CI=true}) the spec must be found, so the contract is never skipped there
 * unnoticed.
 *
 * @param spec     the spec file, if found
 * @param searched every place looked, in order
 * @param problem  why the contract test must fail instead of being skipped, if it must
 */
record SpecLocation(Optional<Path> spec, List<Path> searched, Optional<String> problem) {
    static final String PROPERTY = "circleci.spec";
    static final String ENV = "CIRCLECI_SPEC";
    private static final String RELATIVE = "shared/circleci/openapi-v2.json";

    static SpecLocation find(Map<String, String> env, Properties properties, Path workingDir) {
        String configured = properties.getProperty(PROPERTY);
        String source = "-D" + PROPERTY;
        if (configured == null || configured.isBlank()) {
            configured = env.get(ENV);
            source = "$" + ENV;
        }
        if (configured != null && !configured.isBlank()) {
            Path given = Path.of(configured.strip()).toAbsolutePath();
            return Files.isRegularFile(given) ? new SpecLocation(Optional.of(given), List.of(given), Optional.empty())
                    : new SpecLocation(Optional.empty(), List.of(given), Optional.of(source + " names " + given
                            + ", which is not a file."));
        }
        List<Path> searched = new ArrayList<>();
        for (Path dir = workingDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve(RELATIVE), dir.resolveSibling("shared").resolve(
                    "circleci/openapi-v2.json"))) {
                searched.add(candidate);
                if (Files.isRegularFile(candidate)) {
                    return new SpecLocation(Optional.of(candidate), List.copyOf(searched), Optional.empty());
                }
            }
        }
        boolean onCi = "true".equalsIgnoreCase(env.getOrDefault("CI", "").strip());
        return new SpecLocation(Optional.empty(), List.copyOf(searched), onCi
                ? Optional.of("CI=true but CircleCI's OpenAPI spec was not found, so the simulator's contract "
                        + "cannot be checked.")
                : Optional.empty());
    }

    /** Says where it looked and how to point at the spec. */
    String describe() {
        return "Looked for " + RELATIVE + " at: " + searched + ". Give its path with -D" + PROPERTY + "=PATH or $"
                + ENV + ".";
    }
}
