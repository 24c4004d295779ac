package io.jenkins.plugins.circleci.artifacts;

import java.io.Serializable;
import java.util.List;

/**
 * The artifacts listed for a pipeline's counted jobs, in workflow and job order, and one warning line for each part
 * that was not listed (a limit reached, a request that failed). Holds no secret.
 *
 * @param artifacts what was listed
 * @param jobs      how many jobs' lists were read (whole or in part)
 * @param warnings  what was left out or could not be read; empty when every finished job's list was read whole
 */
public record CollectedArtifacts(List<ListedArtifact> artifacts, int jobs, List<String> warnings)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final CollectedArtifacts NONE = new CollectedArtifacts(List.of(), 0, List.of());

    public CollectedArtifacts {
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Whether every finished job's list was read whole. */
    public boolean complete() {
        return warnings.isEmpty();
    }
}
