package io.jenkins.plugins.circleci.soak;

import io.jenkins.plugins.circleci.simulator.journal.JournalEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code POST /workflow/{id}/approve/{approval_request_id}} in the simulator's journal, by workflow: read once
 * per run, so that each wait's approvals are found without reading the journal again.
 */
final class ApprovalLedger {
    private static final Pattern APPROVE = Pattern.compile("/workflow/([^/]+)/approve/([^/?]+)");
    /** Faults after which the simulator had still carried the request out. */
    private static final Set<String> CARRIED_OUT = Set.of("fault disconnect_after_body", "fault truncated_json");

    /**
     * One approve request.
     *
     * @param reached whether it reached CircleCI's approve logic (answered, or carried out before a fault spoiled the
     *                answer): a second one that reached it for the same job is a duplicate approval
     * @param refused whether CircleCI refused it (403)
     */
    record Post(String workflowId, String requestId, Instant time, int status, boolean reached, boolean refused) {}

    private final Map<String, List<Post>> byWorkflow = new HashMap<>();

    ApprovalLedger(List<JournalEntry> journal) {
        for (JournalEntry e : journal) {
            if (!e.method().equals("POST")) {
                continue;
            }
            Matcher m = APPROVE.matcher(e.path());
            if (!m.find()) {
                continue;
            }
            boolean fault = e.note() != null && e.note().startsWith("fault ");
            boolean reached = !fault || CARRIED_OUT.contains(e.note());
            boolean refused = e.status() == 403;
            byWorkflow.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                    .add(new Post(m.group(1), m.group(2), e.time(), e.status(), reached, refused));
        }
    }

    /** The approve requests sent for a workflow, in the order the simulator received them. */
    List<Post> of(String workflowId) {
        return byWorkflow.getOrDefault(workflowId, List.of());
    }
}
