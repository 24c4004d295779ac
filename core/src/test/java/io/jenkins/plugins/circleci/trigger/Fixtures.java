package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.WebUrls;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.JobStatus;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Hand-built CircleCI model objects for the engine's tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    static final String PIPELINE_ID = "5034460f-c7c4-4c43-9457-de07e2029e7b";
    static final String SLUG = "gh/acme/api";
    static final WebUrls URLS = WebUrls.forServer(URI.create("https://circleci.com"));

    private Fixtures() {}

    static WorkflowBuilder workflow(String id, String name, String status) {
        return new WorkflowBuilder(id, name, status);
    }

    static Job job(String name, long number, String status) {
        return new Job("job-" + name, name, number, JobStatus.of(status), "build", T0, null, null, null, null, SLUG,
                List.of());
    }

    static Job approval(String name, String status) {
        return new Job("approval-" + name, name, null, JobStatus.of(status), "approval", null, null,
                "approval-" + name, null, null, SLUG, List.of());
    }

    static final class WorkflowBuilder {
        private final String id;
        private final String name;
        private final String status;
        private Instant createdAt = T0;
        private Instant stoppedAt;
        private String tag;
        private Integer autoRerunNumber;
        private Integer maxAutoReruns;

        private WorkflowBuilder(String id, String name, String status) {
            this.id = id;
            this.name = name;
            this.status = status;
            WorkflowStatus s = WorkflowStatus.of(status);
            if (s.isTerminal()) {
                stoppedAt = T0.plusSeconds(60);
            }
        }

        WorkflowBuilder createdAt(Instant at) {
            this.createdAt = at;
            return this;
        }

        WorkflowBuilder stoppedAt(Instant at) {
            this.stoppedAt = at;
            return this;
        }

        WorkflowBuilder setup() {
            this.tag = "setup";
            return this;
        }

        WorkflowBuilder autoReruns(Integer number, Integer max) {
            this.autoRerunNumber = number;
            this.maxAutoReruns = max;
            return this;
        }

        Workflow build() {
            return new Workflow(id, name, WorkflowStatus.of(status), createdAt, stoppedAt, PIPELINE_ID, 42, SLUG,
                    "user", null, null, tag, autoRerunNumber, maxAutoReruns);
        }
    }
}
