package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.api.model.JobStatus;
import io.jenkins.plugins.circleci.api.model.Workflow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The part of a poll that deals with counted workflows on hold, before the look is judged: it lists their jobs when
 * the rules or the user need them (to name the approval jobs; to approve some), and approves the approval jobs
 * {@link WatchOptions#approve()} names. Each approval is handled at most once per wait, restarts included: it is saved
 * through {@code saveApproval} as soon as CircleCI accepted it, before anything else can fail. It also lists the jobs
 * of counted workflows {@code failing} for a while, on each look, so that the rules can tell one that only waits for
 * an approval (CircleCI keeps such a workflow {@code failing}, never {@code on_hold}) from one whose jobs still run.
 */
final class HoldRound {
    private final PipelineApi api;
    private final WatchOptions options;
    private final Links links;
    private final Consumer<ProgressEvent> events;
    private final Consumer<String> saveApproval;

    /**
     * @param held  the jobs listed in this round
     * @param state the state given, with the approvals handled in this round
     */
    record Result(HeldJobs held, WatchState state) {}

    HoldRound(PipelineApi api, WatchOptions options, Links links, Consumer<ProgressEvent> events,
            Consumer<String> saveApproval) {
        this.api = api;
        this.options = options;
        this.links = links;
        this.events = events;
        this.saveApproval = saveApproval;
    }

    /** A retryable CircleCI error leaves what was approved saved and the rest to the next poll. */
    Result run(Observation look, WatchState state, Instant now) {
        if (look.errored()) {
            return new Result(HeldJobs.none(), state);
        }
        Map<String, List<Job>> listed = new LinkedHashMap<>();
        WatchState s = state;
        for (Workflow w : CompletionRule.heldCounted(look, options)) {
            if (!needsJobs(w, s, now)) {
                continue;
            }
            List<Job> jobs = list(w, !options.approve().isEmpty());
            if (jobs == null) {
                continue;
            }
            for (Job j : HeldJobs.waitingForApproval(jobs)) {
                String requestId = HeldJobs.requestId(j);
                if (options.approve().contains(j.name()) && !s.approved().contains(requestId)) {
                    approve(w, j, requestId);
                    s = s.withApproved(requestId);
                    saveApproval.accept(requestId);
                }
            }
            listed.put(w.id(), jobs);
        }
        // A failing workflow is never approved here, however approve names its jobs: see CompletionRule.failingHold.
        for (Workflow w : CompletionRule.failingCounted(look, s, options, now)) {
            List<Job> jobs = list(w, false);
            if (jobs != null) {
                listed.put(w.id(), jobs);
            }
        }
        return new Result(new HeldJobs(listed), s);
    }

    /**
     * Jobs are listed every look while {@code approve} names jobs (a workflow may hold more than one approval), when
     * the policy ends the wait now, when the hold is first announced (to name its approval jobs) and when the hold
     * timeout has passed (to name them in the verdict). Otherwise a long hold costs no more than other waiting.
     */
    private boolean needsJobs(Workflow w, WatchState s, Instant now) {
        return !options.approve().isEmpty() || options.onHold() == OnHoldPolicy.FAIL
                || options.onHold() == OnHoldPolicy.UNSTABLE
                || !s.announced().contains(CompletionRule.HOLD_REMARK + w.id())
                || CompletionRule.holdTimerPassed(w, s, options, now);
    }

    /**
     * The jobs, or null (with a warning) when CircleCI refuses the list and nothing in it must be approved
     * ({@code forApproval}: a refusal then ends the wait, since the approval it asks for cannot be made).
     */
    private List<Job> list(Workflow w, boolean forApproval) {
        try {
            return Observation.wellFormedJobs(api.listJobs(w.id()));
        } catch (CircleCiException e) {
            if (e.isRetryable() || forApproval) {
                throw e;
            }
            events.accept(new ProgressEvent.Warning("could not list the jobs of workflow " + w.name() + " ("
                    + w.status() + "): " + e.getMessage()));
            return null;
        }
    }

    /**
     * Approves one job. A refusal is checked against the job as CircleCI now lists it: one approved meanwhile (by a
     * person, or by an earlier request of ours whose answer was lost) is not an error; one still waiting is.
     */
    private void approve(Workflow w, Job j, String requestId) {
        String link = links.workflow(w.id());
        try {
            api.approve(w.id(), requestId);
            events.accept(new ProgressEvent.Notice("approved " + j.name() + " in workflow " + w.name()
                    + " through the CircleCI API, as approve names it (as the CircleCI token's user)", link));
        } catch (CircleCiException e) {
            if (e.isRetryable()) {
                throw e;
            }
            Job now = api.listJobs(w.id()).stream().filter(x -> requestId.equals(HeldJobs.requestId(x)))
                    .findFirst().orElse(null);
            if (now == null || JobStatus.ON_HOLD.equals(now.status())) {
                throw new ApprovalRefusedException(j.name(), w.name(), link, e);
            }
            events.accept(new ProgressEvent.Notice(j.name() + " in workflow " + w.name() + " was approved meanwhile ("
                    + now.status() + "); not approving it again", link));
        }
    }
}
