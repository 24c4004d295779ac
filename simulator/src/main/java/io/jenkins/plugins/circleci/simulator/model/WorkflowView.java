package io.jenkins.plugins.circleci.simulator.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A workflow as seen at one instant. */
public record WorkflowView(SimWorkflow workflow, Instant createdAt, String status, Instant stoppedAt,
                           List<JobView> jobs, UUID canceledBy) {

    public boolean terminal() {
        return Statuses.workflowTerminal(status);
    }
}
