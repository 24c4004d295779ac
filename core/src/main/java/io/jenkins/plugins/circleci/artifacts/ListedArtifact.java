package io.jenkins.plugins.circleci.artifacts;

import java.io.Serializable;

/**
 * One artifact of a finished job, as {@code GET /project/{slug}/{job-number}/artifacts} lists it.
 *
 * @param workflow  its workflow's name
 * @param job       its job's name
 * @param jobNumber its job number
 * @param path      where the job stored it, e.g. {@code reports/coverage.json}
 * @param url       where to download it; the download needs the token in a {@code Circle-Token} header, which this
 *                  URL never carries
 * @param nodeIndex the parallel node that stored it (0 without parallelism)
 */
public record ListedArtifact(String workflow, String job, long jobNumber, String path, String url, long nodeIndex)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
