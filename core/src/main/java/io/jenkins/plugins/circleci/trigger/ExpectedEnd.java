package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowDuration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * When a pipeline should end, from how long its running workflows usually take: {@code likely} by their medians,
 * {@code late} by their 95th percentiles, each counted from the workflow's creation; for several workflows, the
 * latest of them (the pipeline ends with its last workflow).
 */
record ExpectedEnd(Instant likely, Instant late) {

    /**
     * The expected end of what {@code look} shows, or empty when durations cannot tell: the pipeline is not created
     * or lists no workflow yet, a counted workflow is not plainly running (failing, on hold, of an unknown status),
     * a setup workflow awaits its continuation or a failed one its automatic rerun, a filtered workflow has not
     * appeared, or a running one has no history. Then the adaptive schedule applies.
     */
    static Optional<ExpectedEnd> of(Observation look, WatchOptions options, Map<String, WorkflowDuration> history) {
        if (history.isEmpty() || look.pipelineState() == null || !look.created() || look.workflows().isEmpty()
                || CompletionRule.mayStartMore(look)) {
            return Optional.empty();
        }
        Map<String, Workflow> latest = CompletionRule.latestByName(look.workflows());
        if (options.workflows().stream().anyMatch(name -> !latest.containsKey(name))) {
            return Optional.empty();
        }
        Instant likely = null;
        Instant late = null;
        for (Workflow w : latest.values()) {
            if (!options.counts(w.name()) || CompletionRule.progress(w) == CompletionRule.Progress.TERMINAL) {
                continue;
            }
            WorkflowDuration d = history.get(w.name());
            if (!w.status().equals(io.jenkins.plugins.circleci.api.model.WorkflowStatus.RUNNING) || d == null
                    || w.createdAt() == null) {
                return Optional.empty();
            }
            Instant l = w.createdAt().plus(d.median());
            Instant p = w.createdAt().plus(d.p95());
            likely = likely == null || l.isAfter(likely) ? l : likely;
            late = late == null || p.isAfter(late) ? p : late;
        }
        return likely == null ? Optional.empty() : Optional.of(new ExpectedEnd(likely, late));
    }
}
