package io.jenkins.plugins.circleci.simulator.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A job as seen at one instant. {@code startedAt} is null until the job starts (approval jobs: until approved, as
 * real CircleCI sends them); {@code number} is null until then too.
 */
public record JobView(SimJob job, String status, Instant startedAt, Instant stoppedAt, Long number,
                      UUID approvedBy, UUID canceledBy) {

    public boolean terminal() {
        return Statuses.jobTerminal(status);
    }
}
