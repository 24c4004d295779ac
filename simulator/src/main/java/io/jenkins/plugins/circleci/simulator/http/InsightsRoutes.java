package io.jenkins.plugins.circleci.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.circleci.simulator.model.SimProject;
import io.jenkins.plugins.circleci.simulator.model.Simulation;
import io.jenkins.plugins.circleci.simulator.scenario.ProjectHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The three Insights endpoints a waiting client reads, served from each project's scripted {@link ProjectHistory}:
 * {@code GET /insights/{project-slug}/workflows} (per-workflow metrics, paged), {@code .../workflows/{workflow-name}}
 * (recent runs, paged) and {@code .../workflows/{workflow-name}/summary} (metrics and trends).
 *
 * <p>As the spec says, the aggregates (the first and third) are refreshed daily: they hold the runs that ended before
 * midnight UTC of the simulator's current day. Without {@code branch} they cover the project's default branch, with
 * {@code all-branches=true} every branch. Authentication is that of the project endpoints (a missing or invalid
 * token gets 404 {@code Project not found}); a history marked forbidden answers 403, one marked not found 404.
 */
final class InsightsRoutes {

    static final String WORKFLOWS = "GET /insights/{project-slug}/workflows";
    static final String RUNS = "GET /insights/{project-slug}/workflows/{workflow-name}";
    static final String SUMMARY = "GET /insights/{project-slug}/workflows/{workflow-name}/summary";
    private static final Map<String, Duration> REPORTING_WINDOWS = Map.of("last-24-hours", Duration.ofHours(24),
            "last-7-days", Duration.ofDays(7), "last-30-days", Duration.ofDays(30), "last-60-days", Duration.ofDays(60),
            "last-90-days", Duration.ofDays(90));
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    private final Simulation sim;
    private final Pagination pages;
    /** Histories are placed in time from here: the moment the simulator started. */
    private final Instant start;
    private final Map<String, List<PastRun>> runs = new ConcurrentHashMap<>();

    InsightsRoutes(Simulation sim, Pagination pages) {
        this.sim = sim;
        this.pages = pages;
        this.start = sim.now();
    }

    ApiResponse handle(ApiRequest req) {
        List<String> s = req.segments();
        // /insights/{slug as 3 raw segments or 1 %2F-encoded one}/workflows[/{workflow-name}[/summary]]
        boolean encoded = s.size() >= 2 && s.get(1).toLowerCase(java.util.Locale.ROOT).contains("%2f");
        int slugEnd = encoded ? 2 : 4;
        if (!"GET".equals(req.method()) || s.size() <= slugEnd || !s.get(slugEnd).equals("workflows")
                || s.size() > slugEnd + 3 || (s.size() == slugEnd + 3 && !s.get(slugEnd + 2).equals("summary"))) {
            return ApiResponse.message(404, "Not found").route(req.method() + " /insights/?");
        }
        String slug = encoded ? ApiRequest.decode(s.get(1)) : ApiRequest.decode(s.get(1)) + "/"
                + ApiRequest.decode(s.get(2)) + "/" + ApiRequest.decode(s.get(3));
        List<String> rest = s.subList(slugEnd + 1, s.size());
        String route = rest.isEmpty() ? WORKFLOWS : rest.size() == 1 ? RUNS : SUMMARY;
        Optional<SimProject> project = sim.scenario().isValidToken(req.token()) ? sim.project(slug) : Optional.empty();
        if (project.isEmpty()) {
            return ApiResponse.message(404, ApiRoutes.PROJECT_NOT_FOUND).route(route);
        }
        ProjectHistory history = project.get().scenario().history();
        if (history.insights() == ProjectHistory.Access.FORBIDDEN) {
            return ApiResponse.message(403, "Forbidden").route(route);
        }
        if (history.insights() == ProjectHistory.Access.NOT_FOUND) {
            return ApiResponse.message(404, "Not found").route(route);
        }
        try {
            Predicate<PastRun> branch = branchFilter(req, project.get());
            List<PastRun> all = runs.computeIfAbsent(slug, k -> PastRun.of(k, history, start));
            ApiResponse response = rest.isEmpty() ? workflows(req, project.get(), all, branch)
                    : rest.size() == 1 ? recentRuns(req, all, ApiRequest.decode(rest.get(0)), branch)
                    : summary(all, ApiRequest.decode(rest.get(0)), branch);
            return response.route(route);
        } catch (BadQuery e) {
            return ApiResponse.message(400, e.getMessage()).route(route);
        }
    }

    private ApiResponse workflows(ApiRequest req, SimProject project, List<PastRun> all, Predicate<PastRun> branch) {
        Duration window = reportingWindow(req);
        List<PastRun> inWindow = aggregated(all, branch, window);
        List<String> names = new ArrayList<>();
        inWindow.forEach(r -> {
            if (!names.contains(r.workflow())) {
                names.add(r.workflow());
            }
        });
        names.sort(String::compareTo);
        return paged(req, names, name -> InsightsBodies.workflowMetrics(name,
                inWindow.stream().filter(r -> r.workflow().equals(name)).toList(), project.id(), window, sim.now()));
    }

    private ApiResponse summary(List<PastRun> all, String workflow, Predicate<PastRun> branch) {
        Instant now = sim.now();
        List<PastRun> ofWorkflow = all.stream().filter(r -> r.workflow().equals(workflow)).toList();
        List<PastRun> current = aggregated(ofWorkflow, branch, DEFAULT_WINDOW);
        Instant cut = refreshedAt(now);
        List<PastRun> previous = ofWorkflow.stream().filter(branch)
                .filter(r -> r.stoppedAt().isBefore(cut.minus(DEFAULT_WINDOW))
                        && !r.createdAt().isBefore(cut.minus(DEFAULT_WINDOW.multipliedBy(2))))
                .toList();
        List<String> names = all.stream().map(PastRun::workflow).distinct().sorted().toList();
        return ApiResponse.json(200, InsightsBodies.summary(current, previous, names, DEFAULT_WINDOW, now));
    }

    private ApiResponse recentRuns(ApiRequest req, List<PastRun> all, String workflow, Predicate<PastRun> branch) {
        Instant now = sim.now();
        Instant from = date(req, "start-date");
        Instant to = date(req, "end-date");
        if (to != null && from == null) {
            throw new BadQuery("start-date must be specified if an end-date is provided.");
        }
        if (to != null && Duration.between(from, to).compareTo(DEFAULT_WINDOW) > 0) {
            throw new BadQuery("end-date can be at most 90 days after the start-date.");
        }
        Instant oldest = now.minus(DEFAULT_WINDOW);
        List<PastRun> selected = all.stream().filter(r -> r.workflow().equals(workflow)).filter(branch)
                .filter(r -> !r.createdAt().isBefore(oldest) && !r.stoppedAt().isAfter(now))
                .filter(r -> from == null || !r.createdAt().isBefore(from))
                .filter(r -> to == null || r.createdAt().isBefore(to))
                .toList();
        return paged(req, selected, InsightsBodies::run);
    }

    /** The runs an aggregate holds: of the branch, created within the window, ended before the last daily refresh. */
    private List<PastRun> aggregated(List<PastRun> all, Predicate<PastRun> branch, Duration window) {
        Instant cut = refreshedAt(sim.now());
        Instant oldest = cut.minus(window);
        return all.stream().filter(branch).filter(r -> r.stoppedAt().isBefore(cut) && !r.createdAt().isBefore(oldest))
                .toList();
    }

    /** Midnight UTC of the day {@code now} falls in: the aggregates' last daily refresh. */
    private static Instant refreshedAt(Instant now) {
        return now.truncatedTo(ChronoUnit.DAYS);
    }

    private static Predicate<PastRun> branchFilter(ApiRequest req, SimProject project) {
        String branch = req.queryParam("branch");
        String allBranches = req.queryParam("all-branches");
        if (allBranches != null && !allBranches.equals("true") && !allBranches.equals("false")) {
            throw new BadQuery("all-branches must be true or false.");
        }
        boolean all = "true".equals(allBranches);
        if (all && branch != null) {
            throw new BadQuery("Use either all-branches or branch, not both.");
        }
        if (all) {
            return r -> true;
        }
        String wanted = branch != null ? branch : project.scenario().defaultBranch();
        return r -> r.branch().equals(wanted);
    }

    private static Duration reportingWindow(ApiRequest req) {
        String value = req.queryParam("reporting-window");
        if (value == null) {
            return DEFAULT_WINDOW;
        }
        Duration window = REPORTING_WINDOWS.get(value);
        if (window == null) {
            throw new BadQuery("reporting-window must be one of " + new java.util.TreeSet<>(REPORTING_WINDOWS.keySet())
                    + ".");
        }
        return window;
    }

    private static Instant date(ApiRequest req, String name) {
        String value = req.queryParam(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadQuery(name + " must be a date-time such as 2020-08-21T13:26:29Z.");
        }
    }

    private <T> ApiResponse paged(ApiRequest req, List<T> all, java.util.function.Function<T, ObjectNode> render) {
        ObjectNode page = pages.page(all, req.queryParam("page-token"), render::apply);
        return page == null ? ApiResponse.message(400, "Invalid page-token.") : ApiResponse.json(200, page);
    }

    /** A query parameter the endpoint refuses (400). */
    private static final class BadQuery extends RuntimeException {
        BadQuery(String message) {
            super(message, null, false, false);
        }
    }
}
