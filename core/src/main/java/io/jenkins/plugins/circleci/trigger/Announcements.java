package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.JobStatus;
import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import io.jenkins.plugins.circleci.trigger.Assessment.Remark;
import io.jenkins.plugins.circleci.trigger.CompletionRule.Progress;
import io.jenkins.plugins.circleci.trigger.WatchState.SeenWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one look tells the user, given what the state says was told before: status changes, failed jobs, errors,
 * notices and warnings, each once. Pure; the watcher emits the events and saves the state.
 *
 * @param events        the lines to print, in order
 * @param seen          every workflow of the look, as the state will remember it
 * @param announced     keys of the one-time events given now
 * @param statusChanged whether any workflow appeared or changed status
 */
record Announcements(List<ProgressEvent> events, Map<String, SeenWorkflow> seen, Set<String> announced,
        boolean statusChanged) {
    static final String ERRORED = "errored";

    /**
     * The workflows whose jobs must be listed before announcing: those that failed (to name the failed jobs) and those
     * newly on hold (to name the approval job).
     */
    static Set<String> workflowsNeedingJobs(Observation look, WatchState state, Assessment assessment,
            WatchOptions options) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Workflow w : look.workflows()) {
            if (reported(w, options) && failedJobsWorthListing(w) && !state.announced().contains(failedJobsKey(w))) {
                wanted.add(w.id());
            }
        }
        for (Remark r : assessment.remarks()) {
            if (r.kind() == Remark.Kind.ON_HOLD && !state.announced().contains(r.key())) {
                wanted.add(r.workflowId());
            }
        }
        return wanted;
    }

    static Announcements of(Observation look, WatchState state, Assessment assessment, Map<String, List<Job>> jobs,
            WatchOptions options, Instant now, Links links) {
        List<ProgressEvent> events = new ArrayList<>();
        Set<String> announced = new LinkedHashSet<>();
        Map<String, SeenWorkflow> seen = new LinkedHashMap<>();
        boolean changed = false;
        if (look.errored() && announced(state, announced, ERRORED)) {
            events.add(new ProgressEvent.PipelineErrored(look.pipelineErrors()));
        }
        for (Workflow w : look.workflows()) {
            seen.put(w.id(), new SeenWorkflow(w.name(), w.status().value(), w.isSetup(), w.createdAt()));
            SeenWorkflow before = state.workflows().get(w.id());
            if (before != null && before.status().equals(w.status().value())) {
                continue;
            }
            changed = true;
            if (reported(w, options)) {
                Instant end = w.stoppedAt() != null ? w.stoppedAt() : now;
                Duration took = w.createdAt() == null ? null : Duration.between(w.createdAt(), end);
                events.add(new ProgressEvent.WorkflowStatusChanged(w.id(), w.name(),
                        before == null ? null : before.status(), w.status().value(), took, links.workflow(w.id())));
            }
        }
        for (Workflow w : look.workflows()) {
            if (jobs.containsKey(w.id()) && failedJobsWorthListing(w) && announced(state, announced, failedJobsKey(w))) {
                List<ProgressEvent.JobLink> failed = jobs.get(w.id()).stream().filter(j -> j.status().isFailure())
                        .map(j -> new ProgressEvent.JobLink(j.name(), j.status().value(), links.job(w.id(),
                                j.jobNumber())))
                        .toList();
                if (!failed.isEmpty()) {
                    events.add(new ProgressEvent.FailedJobs(w.id(), w.name(), failed));
                }
            }
        }
        for (Remark r : assessment.remarks()) {
            if (!announced(state, announced, r.key())) {
                continue;
            }
            String link = r.workflowId() == null ? null : links.workflow(r.workflowId());
            events.add(switch (r.kind()) {
                case NOTICE -> new ProgressEvent.Notice(r.text(), link);
                case WARNING -> new ProgressEvent.Warning(r.text());
                case ON_HOLD -> new ProgressEvent.Notice(r.text() + approvalJobs(jobs.get(r.workflowId())), link);
            });
        }
        return new Announcements(events, seen, announced, changed);
    }

    /** Marks {@code key} announced; false if it was, before or in this look. */
    private static boolean announced(WatchState state, Set<String> announcedNow, String key) {
        return !state.announced().contains(key) && announcedNow.add(key);
    }

    /** Counted workflows, and setup workflows (they explain the wait for a continuation), are reported. */
    private static boolean reported(Workflow w, WatchOptions options) {
        return options.counts(w.name()) || w.isSetup();
    }

    private static boolean failedJobsWorthListing(Workflow w) {
        return CompletionRule.progress(w) == Progress.TERMINAL && !w.status().equals(WorkflowStatus.SUCCESS)
                && !w.status().equals(WorkflowStatus.CANCELED) && !w.status().equals(WorkflowStatus.NOT_RUN);
    }

    private static String failedJobsKey(Workflow w) {
        return "failed-jobs:" + w.id();
    }

    private static String approvalJobs(List<Job> jobs) {
        if (jobs == null) {
            return "";
        }
        List<String> names = jobs.stream().filter(j -> j.isApproval() && j.status().equals(JobStatus.ON_HOLD))
                .map(Job::name).toList();
        return names.isEmpty() ? "" : " of " + String.join(", ", names);
    }
}
