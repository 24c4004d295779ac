package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.JobStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The jobs of the counted workflows on hold (and of those failing for a while), as listed during one look (by
 * workflow id). A workflow missing here was
 * not listed in that look: its approval jobs are unknown, not absent.
 */
record HeldJobs(Map<String, List<Job>> byWorkflow) {

    HeldJobs {
        byWorkflow = Map.copyOf(new LinkedHashMap<>(byWorkflow));
    }

    static HeldJobs none() {
        return new HeldJobs(Map.of());
    }

    /** The jobs of {@code workflowId} listed in this look, or null when it was not listed. */
    List<Job> of(String workflowId) {
        return byWorkflow.get(workflowId);
    }

    /** The approval jobs of {@code jobs} that wait for someone to approve them. */
    static List<Job> waitingForApproval(List<Job> jobs) {
        return jobs.stream().filter(j -> j.isApproval() && JobStatus.ON_HOLD.equals(j.status())).toList();
    }

    /**
     * What {@code POST /workflow/{id}/approve/{approval_request_id}} takes: the job's {@code approval_request_id},
     * which CircleCI documents as the job's id (and real answers show equal to it), so the id stands in when absent.
     */
    static String requestId(Job job) {
        return job.approvalRequestId() != null && !job.approvalRequestId().isBlank() ? job.approvalRequestId()
                : job.id();
    }

    /** "hold-for-prod" or "approve-a, approve-b"; empty for none. */
    static String names(List<Job> jobs) {
        return jobs.stream().map(Job::name).collect(Collectors.joining(", "));
    }

    /** Whether this wait approved one of the approval jobs of {@code jobs}. */
    static boolean approvedAny(List<Job> jobs, Set<String> approvedByThisWait) {
        return jobs.stream().filter(Job::isApproval).anyMatch(j -> approvedByThisWait.contains(requestId(j)));
    }
}
