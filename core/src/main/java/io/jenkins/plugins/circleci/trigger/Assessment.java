package io.jenkins.plugins.circleci.trigger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@link CompletionRule} decided after one look: keep waiting (and for what), or done with a verdict. Either way
 * it carries the grace periods now running and the remarks worth telling the user once.
 */
sealed interface Assessment {

    /** Condition key → when its grace period began; only the conditions that still hold. */
    Map<String, Instant> graceStarts();

    List<Remark> remarks();

    /** {@code pending} says what is still awaited, one short phrase each ("build running"). */
    record Waiting(List<String> pending, Map<String, Instant> graceStarts, List<Remark> remarks)
            implements Assessment {
        public Waiting {
            pending = List.copyOf(pending);
            graceStarts = Map.copyOf(graceStarts);
            remarks = List.copyOf(remarks);
        }
    }

    /** {@code workflows} are the workflows that count, as they were last seen. */
    record Done(BuildResult result, OutcomeReason reason, String message, List<String> errors,
            List<WorkflowSummary> workflows, Map<String, Instant> graceStarts, List<Remark> remarks)
            implements Assessment {
        public Done {
            errors = List.copyOf(errors);
            workflows = List.copyOf(workflows);
            graceStarts = Map.copyOf(graceStarts);
            remarks = List.copyOf(remarks);
        }
    }

    /**
     * A notice or warning for the user, given once per {@code key} over the whole wait (restarts included).
     * {@code workflowId} names the workflow it is about, if any: its link goes with the line.
     */
    record Remark(String key, Kind kind, String text, String workflowId) {
        enum Kind {
            NOTICE,
            WARNING,
            /** A counted workflow waits for approval: the watcher names the approval jobs before announcing it. */
            ON_HOLD
        }
    }
}
