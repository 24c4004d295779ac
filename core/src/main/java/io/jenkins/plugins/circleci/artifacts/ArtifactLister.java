package io.jenkins.plugins.circleci.artifacts;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.PartialList;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import io.jenkins.plugins.circleci.api.error.CircleCiInterruptedException;
import io.jenkins.plugins.circleci.api.model.Artifact;
import io.jenkins.plugins.circleci.api.model.Job;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.WorkflowSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lists the artifacts of the finished build jobs of a pipeline's counted workflows, once its wait has ended (whatever
 * the result). Approval jobs are skipped: they store nothing and CircleCI answers 404 for their job number. Bounded
 * like the failure report: at most {@link #MAX_JOBS} jobs, {@link #JOB_PAGES} pages of each workflow's job list,
 * {@link #PAGES_PER_JOB} pages of each job's artifacts and {@link #MAX_PAGES} in all, {@link #MAX_ARTIFACTS}
 * artifacts, for at most {@link #TIME_BUDGET}; so at most {@code workflows × 2 + 50} requests, each one a normal read
 * within the shared request budget. Never throws and never touches the outcome: what is not listed is a warning line.
 * An artifact listed without a download URL (the spec requires one; a server may still leave it out) is left out with
 * a warning, so that nothing downstream (a console link, the returned {@code url}) meets a null.
 */
public final class ArtifactLister {
    public static final int MAX_JOBS = 50;
    public static final int JOB_PAGES = 2;
    public static final int PAGES_PER_JOB = 5;
    public static final int MAX_PAGES = 50;
    public static final int MAX_ARTIFACTS = 1000;
    public static final Duration TIME_BUDGET = Duration.ofMinutes(2);

    private final CircleCiClient client;
    private final Clock clock;

    public ArtifactLister(CircleCiClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The artifacts; {@link CollectedArtifacts#NONE} when the outcome names no pipeline or no workflow. */
    public CollectedArtifacts list(Outcome outcome) {
        if (outcome.pipeline() == null || outcome.workflows().isEmpty()) {
            return CollectedArtifacts.NONE;
        }
        try {
            return new Listing().read(outcome);
        } catch (RuntimeException e) {
            // A bug here must not fail the step: the outcome stands; say what went wrong, once.
            return new CollectedArtifacts(List.of(), 0, List.of("Could not list the artifacts of CircleCI pipeline #"
                    + outcome.pipeline().number() + " (" + e.getClass().getSimpleName() + ")."));
        }
    }

    /** One listing: the budgets left and the warnings so far. */
    private final class Listing {
        private final Instant deadline = clock.instant().plus(TIME_BUDGET);
        private final List<ListedArtifact> artifacts = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private int jobs;
        private int pagesLeft = MAX_PAGES;
        private boolean stopped;
        private int withoutUrl;
        private String firstWithoutUrl;

        CollectedArtifacts read(Outcome outcome) {
            ProjectSlug slug;
            try {
                slug = ProjectSlug.parse(Objects.requireNonNullElse(outcome.pipeline().projectSlug(), ""));
            } catch (CircleCiException e) {
                return new CollectedArtifacts(List.of(), 0, List.of("Could not list the artifacts of CircleCI "
                        + "pipeline #" + outcome.pipeline().number() + ": its project slug is not known."));
            }
            for (WorkflowSummary w : outcome.workflows()) {
                if (!canGoOn()) {
                    break;
                }
                PartialList<Job> list;
                try {
                    list = client.listJobs(w.id(), JOB_PAGES);
                } catch (CircleCiException e) {
                    warn("Could not list the jobs of workflow " + w.name(), e);
                    continue;
                }
                if (!list.complete()) {
                    warnings.add("Workflow " + w.name() + " has more jobs than the first " + JOB_PAGES
                            + " pages read; the artifacts of the others were not listed.");
                }
                for (Job job : list.items()) {
                    if (job.isApproval() || job.jobNumber() == null || job.status() == null
                            || !job.status().isTerminal()) {
                        continue;
                    }
                    if (!canGoOn()) {
                        break;
                    }
                    listJob(slug, w, job);
                }
            }
            if (withoutUrl > 0) {
                warnings.add(withoutUrl == 1 ? "1 artifact was listed without a download URL and is left out: "
                        + firstWithoutUrl + "." : withoutUrl + " artifacts were listed without a download URL and are "
                        + "left out, the first: " + firstWithoutUrl + ".");
            }
            return new CollectedArtifacts(artifacts, jobs, warnings);
        }

        private void listJob(ProjectSlug slug, WorkflowSummary w, Job job) {
            String label = "job " + job.name() + " (#" + job.jobNumber() + ")";
            jobs++;
            try {
                PartialList<Artifact> page = client.listArtifacts(slug, job.jobNumber(),
                        Math.min(PAGES_PER_JOB, pagesLeft));
                pagesLeft -= page.pages();
                for (Artifact a : page.items()) {
                    if (artifacts.size() == MAX_ARTIFACTS) {
                        stopped = true;
                        warnings.add("Stopped listing artifacts at " + MAX_ARTIFACTS + "; the rest were not listed.");
                        return;
                    }
                    String path = client.maskSecrets(a.path());
                    if (a.url() == null || a.url().isBlank()) {
                        if (withoutUrl++ == 0) {
                            firstWithoutUrl = path + " of " + label;
                        }
                        continue;
                    }
                    artifacts.add(new ListedArtifact(w.name(), job.name(), job.jobNumber(), path,
                            client.maskSecrets(a.url()), a.nodeIndex()));
                }
                if (!page.complete()) {
                    warnings.add("Only the first " + page.pages() + " page" + (page.pages() == 1 ? "" : "s")
                            + " of the artifacts of " + label + " were listed.");
                }
            } catch (CircleCiException e) {
                warn("Could not list the artifacts of " + label, e);
            }
        }

        /** Whether more may be read: a job, a page and time are left, and nobody interrupted. */
        private boolean canGoOn() {
            if (stopped) {
                return false;
            }
            String why = null;
            if (Thread.currentThread().isInterrupted()) {
                why = "Stopped listing artifacts: interrupted.";
            } else if (!clock.instant().isBefore(deadline)) {
                why = "Stopped listing artifacts after " + TIME_BUDGET.toSeconds() + " s.";
            } else if (jobs == MAX_JOBS || pagesLeft <= 0) {
                why = "Stopped listing artifacts after " + jobs + " jobs and " + (MAX_PAGES - pagesLeft)
                        + " pages (at most " + MAX_JOBS + " jobs and " + MAX_PAGES + " pages).";
            }
            if (why != null) {
                stopped = true;
                warnings.add(why);
            }
            return !stopped;
        }

        private void warn(String what, CircleCiException e) {
            if (e instanceof CircleCiInterruptedException) {
                stopped = true;
            }
            warnings.add(what + ": " + e.getMessage());
        }
    }
}
