package io.jenkins.plugins.circleci.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The Insights bodies, from the spec's schemas ({@code getProjectWorkflowMetrics}, {@code getWorkflowSummary},
 * {@code getProjectWorkflowRuns}), computed from past runs. Durations are whole seconds; percentiles are nearest-rank;
 * the success rate leaves canceled runs out, as CircleCI's glossary defines it.
 */
final class InsightsBodies {

    private InsightsBodies() {
    }

    /** An item of {@code GET /insights/{project-slug}/workflows}. */
    static ObjectNode workflowMetrics(String name, List<PastRun> runs, UUID projectId, Duration window, Instant now) {
        ObjectNode o = Json.object();
        o.put("name", name);
        ObjectNode m = o.putObject("metrics");
        counts(m, runs);
        m.set("duration_metrics", durationMetrics(runs));
        mttr(m, runs);
        if (runs.isEmpty()) {
            m.putNull("total_recoveries");
        } else {
            m.put("total_recoveries", recoveryTimes(runs).size());
        }
        m.put("throughput", throughput(runs, window));
        windowBounds(o, runs, now.minus(window), now);
        o.put("project_id", projectId.toString());
        return o;
    }

    /** {@code GET /insights/{project-slug}/workflows/{workflow-name}/summary}. */
    static ObjectNode summary(List<PastRun> current, List<PastRun> previous, List<String> workflowNames,
                              Duration window, Instant now) {
        ObjectNode o = Json.object();
        ObjectNode m = o.putObject("metrics");
        counts(m, current);
        mttr(m, current);
        m.put("completed_runs", current.size());
        m.set("duration_metrics", durationMetrics(current));
        m.put("throughput", throughput(current, window));
        windowBounds(m, current, now.minus(window), now);
        ObjectNode t = o.putObject("trends");
        t.put("total_runs", trend(current.size(), previous.size()));
        t.put("failed_runs", trend(failed(current), failed(previous)));
        t.put("success_rate", trend(successRate(current), successRate(previous)));
        t.put("p95_duration_secs", trend(percentile(seconds(current), 95), percentile(seconds(previous), 95)));
        t.put("median_duration_secs", trend(percentile(seconds(current), 50), percentile(seconds(previous), 50)));
        t.put("total_credits_used", trend(credits(current), credits(previous)));
        t.put("mttr", trend(mttr(current), mttr(previous)));
        t.put("throughput", trend(throughput(current, window), throughput(previous, window)));
        var names = o.putArray("workflow_names");
        workflowNames.forEach(names::add);
        return o;
    }

    /** An item of {@code GET /insights/{project-slug}/workflows/{workflow-name}}. */
    static ObjectNode run(PastRun run) {
        ObjectNode o = Json.object();
        o.put("id", run.id().toString());
        o.put("branch", run.branch());
        o.put("duration", run.seconds());
        Json.putTime(o, "created_at", run.createdAt());
        Json.putTime(o, "stopped_at", run.stoppedAt());
        o.put("credits_used", run.credits());
        o.put("status", run.status());
        o.put("is_approval", false);
        return o;
    }

    private static void counts(ObjectNode m, List<PastRun> runs) {
        m.put("total_runs", runs.size());
        m.put("successful_runs", runs.stream().filter(r -> r.status().equals("success")).count());
        m.put("failed_runs", failed(runs));
        m.put("success_rate", successRate(runs));
        if (runs.isEmpty()) {
            m.putNull("total_credits_used");
        } else {
            m.put("total_credits_used", credits(runs));
        }
    }

    private static void mttr(ObjectNode m, List<PastRun> runs) {
        Long mttr = mttr(runs);
        if (mttr == null) {
            m.putNull("mttr");
        } else {
            m.put("mttr", mttr);
        }
    }

    static ObjectNode durationMetrics(List<PastRun> runs) {
        ObjectNode d = Json.object();
        List<Long> s = seconds(runs);
        if (s.isEmpty()) {
            for (String k : List.of("min", "mean", "median", "p95", "max", "standard_deviation")) {
                d.putNull(k);
            }
            return d;
        }
        double mean = s.stream().mapToLong(Long::longValue).average().orElse(0);
        double variance = s.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / s.size();
        d.put("min", s.get(0));
        d.put("mean", Math.round(mean));
        d.put("median", percentile(s, 50));
        d.put("p95", percentile(s, 95));
        d.put("max", s.get(s.size() - 1));
        d.put("standard_deviation", (float) Math.sqrt(variance));
        return d;
    }

    private static void windowBounds(ObjectNode o, List<PastRun> runs, Instant windowStart, Instant now) {
        // "The timestamp of the first (last) build within the requested reporting window"; the window's own bounds
        // when it holds none (both fields are required and not nullable).
        Json.putTime(o, "window_start", runs.stream().map(PastRun::createdAt).min(Comparator.naturalOrder())
                .orElse(windowStart));
        Json.putTime(o, "window_end", runs.stream().map(PastRun::createdAt).max(Comparator.naturalOrder())
                .orElse(now));
    }

    /** Sorted durations in seconds. */
    private static List<Long> seconds(List<PastRun> runs) {
        List<Long> s = new ArrayList<>();
        runs.forEach(r -> s.add(r.seconds()));
        Collections.sort(s);
        return s;
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    private static long failed(List<PastRun> runs) {
        return runs.stream().filter(r -> !r.status().equals("success") && !r.status().equals("canceled")).count();
    }

    private static float successRate(List<PastRun> runs) {
        long counted = runs.stream().filter(r -> !r.status().equals("canceled")).count();
        long ok = runs.stream().filter(r -> r.status().equals("success")).count();
        return counted == 0 ? 0f : (float) ok / counted;
    }

    private static long credits(List<PastRun> runs) {
        return runs.stream().mapToLong(PastRun::credits).sum();
    }

    private static float throughput(List<PastRun> runs, Duration window) {
        return (float) (runs.size() / Math.max(1.0, window.toHours() / 24.0));
    }

    /** Seconds from each failed run to the next success, oldest first. */
    private static List<Long> recoveryTimes(List<PastRun> runs) {
        List<PastRun> byAge = new ArrayList<>(runs);
        byAge.sort(Comparator.comparing(PastRun::stoppedAt));
        List<Long> out = new ArrayList<>();
        Instant failedAt = null;
        for (PastRun r : byAge) {
            if (r.status().equals("success") && failedAt != null) {
                out.add(Duration.between(failedAt, r.stoppedAt()).toSeconds());
                failedAt = null;
            } else if (!r.status().equals("success") && !r.status().equals("canceled") && failedAt == null) {
                failedAt = r.stoppedAt();
            }
        }
        return out;
    }

    private static Long mttr(List<PastRun> runs) {
        List<Long> times = recoveryTimes(runs);
        return times.isEmpty() ? null : Math.round(times.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    private static float trend(double current, double previous) {
        return previous == 0 ? 0f : (float) ((current - previous) / previous);
    }

    private static float trend(Long current, Long previous) {
        return trend(current == null ? 0 : current, previous == null ? 0 : previous);
    }
}
