package io.jenkins.plugins.circleci.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file a job stores as an artifact: its path (as {@code store_artifacts} names it), the node that stored it, and
 * its bytes, served behind the artifact's {@code url}.
 */
public record ArtifactSpec(String path, int nodeIndex, byte[] content) {

    public ArtifactSpec {
        Objects.requireNonNull(path, "artifact path");
        if (path.isBlank() || path.startsWith("/") || path.contains("//")) {
            throw new IllegalArgumentException("artifact path must be relative and not empty, not '" + path + "'");
        }
        if (nodeIndex < 0) {
            throw new IllegalArgumentException("artifact node_index must not be negative");
        }
        content = content == null ? new byte[0] : content.clone();
    }

    /** A text file (UTF-8) on node 0. */
    public static ArtifactSpec text(String path, String content) {
        return new ArtifactSpec(path, 0, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArtifactSpec a && a.path.equals(path) && a.nodeIndex == nodeIndex
                && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, nodeIndex, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "ArtifactSpec[" + path + ", node " + nodeIndex + ", " + content.length + " bytes]";
    }
}
