package io.jenkins.plugins.circleci.simulator.model;

import io.jenkins.plugins.circleci.simulator.scenario.ProjectScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A project, created on first use of its slug; it numbers its pipelines and jobs like CircleCI does. */
public final class SimProject {

    private final Simulation simulation;
    private final String slug;
    private final ProjectScenario scenario;
    private final AtomicLong pipelineNumbers = new AtomicLong();
    private final AtomicLong jobNumbers = new AtomicLong();
    private final List<SimPipeline> pipelines = new ArrayList<>();
    private final Map<Long, SimJob> jobsByNumber = new ConcurrentHashMap<>();

    SimProject(Simulation simulation, String slug, ProjectScenario scenario) {
        this.simulation = simulation;
        this.slug = slug;
        this.scenario = scenario;
    }

    public Simulation simulation() {
        return simulation;
    }

    public String slug() {
        return slug;
    }

    public ProjectScenario scenario() {
        return scenario;
    }

    public UUID id() {
        return Ids.stable("project:" + slug);
    }

    public String vcsSlug() {
        return part(0);
    }

    public String organization() {
        return part(1);
    }

    public String name() {
        return part(2);
    }

    public UUID organizationId() {
        return Ids.stable("org:" + vcsSlug() + "/" + organization());
    }

    /** The long VCS name used in UI URLs: {@code gh} → {@code github}, {@code bb} → {@code bitbucket}. */
    public String vcsLongName() {
        return switch (vcsSlug().toLowerCase(Locale.ROOT)) {
            case "gh", "github" -> "github";
            case "bb", "bitbucket" -> "bitbucket";
            default -> vcsSlug();
        };
    }

    /** {@code GitHub}, {@code Bitbucket} or {@code CircleCI} (GitHub App, GitLab, Bitbucket DC), as in {@code vcs_info.provider}. */
    public String provider() {
        return switch (vcsLongName()) {
            case "github" -> "GitHub";
            case "bitbucket" -> "Bitbucket";
            default -> "CircleCI";
        };
    }

    public String vcsUrl() {
        return switch (vcsLongName()) {
            case "github" -> "https://github.com/" + organization() + "/" + name();
            case "bitbucket" -> "https://bitbucket.org/" + organization() + "/" + name();
            default -> "https://example.invalid/" + organization() + "/" + name();
        };
    }

    private String part(int i) {
        String[] parts = slug.split("/", 3);
        return i < parts.length ? parts[i] : "";
    }

    synchronized SimPipeline newPipeline(Ids ids, TriggerRequest trigger, java.time.Instant now) {
        SimPipeline p = new SimPipeline(ids, this, pipelineNumbers.incrementAndGet(), scenario, trigger, now);
        pipelines.add(p);
        return p;
    }

    /** Pipelines, newest first, optionally only those of one branch. */
    public synchronized List<SimPipeline> pipelines(String branch) {
        List<SimPipeline> out = new ArrayList<>();
        for (int i = pipelines.size() - 1; i >= 0; i--) {
            SimPipeline p = pipelines.get(i);
            if (branch == null || branch.equals(p.trigger().branch())) {
                out.add(p);
            }
        }
        return out;
    }

    public synchronized Optional<SimPipeline> pipeline(long number) {
        return number >= 1 && number <= pipelines.size() ? Optional.of(pipelines.get((int) number - 1)) : Optional.empty();
    }

    public Optional<SimJob> job(long number) {
        return Optional.ofNullable(jobsByNumber.get(number));
    }

    void assignJobNumber(SimJob job) {
        long n = jobNumbers.incrementAndGet();
        job.assignNumber(n);
        jobsByNumber.put(n, job);
    }
}
