package io.jenkins.plugins.circleci.simulator.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * What clients asked. Entries are kept up to {@code capacity} (oldest dropped first; 0 keeps none, so a bench with
 * thousands of waits pays almost nothing), while counters per method and path are always exact.
 *
 * <p>Path expressions are regular expressions searched (not matched whole) in the request path relative to
 * {@code /api/v2}: {@code count("GET", "/pipeline/[^/]+/workflow")}; anchor with {@code ^...$} when needed.
 */
public final class Journal {

    private final int capacity;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private final Map<String, LongAdder> countsByRequest = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> countsByRoute = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faultsApplied = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faultLabels = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    public Journal(int capacity) {
        this.capacity = Math.max(0, capacity);
    }

    /** Records a request; {@code route} is its template, e.g. {@code GET /pipeline/{pipeline-id}/workflow}. */
    public void record(JournalEntry entry, String apiPath, String route) {
        total.increment();
        countsByRequest.computeIfAbsent(entry.method() + " " + apiPath, k -> new LongAdder()).increment();
        countsByRoute.computeIfAbsent(route == null ? "* (unrouted)" : route, k -> new LongAdder()).increment();
        if (capacity > 0) {
            synchronized (entries) {
                if (entries.size() == capacity) {
                    entries.removeFirst();
                }
                entries.addLast(entry);
            }
        }
    }

    /** The kept entries, oldest first. */
    public List<JournalEntry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    /** Kept entries of {@code method} ({@code *} = any) whose path (relative to /api/v2) contains a match of {@code pathRegex}. */
    public List<JournalEntry> requests(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return entries().stream()
                .filter(e -> methodMatches(method, e.method()) && p.matcher(apiPath(e.path())).find())
                .toList();
    }

    /** Exact number of requests of {@code method} ({@code *} = any) on paths matching {@code pathRegex}, whatever the capacity. */
    public long count(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        long n = 0;
        for (Map.Entry<String, LongAdder> e : countsByRequest.entrySet()) {
            String key = e.getKey();
            int space = key.indexOf(' ');
            if (methodMatches(method, key.substring(0, space)) && p.matcher(key.substring(space + 1)).find()) {
                n += e.getValue().sum();
            }
        }
        return n;
    }

    /** Requests per route template, e.g. {@code "GET /pipeline/{pipeline-id}" -> 1200}. */
    public Map<String, Long> countsByRoute() {
        Map<String, Long> out = new TreeMap<>();
        countsByRoute.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Notes that a fault of this kind (e.g. {@code delay}, {@code status}) was applied to a request. */
    public void recordFault(String kind) {
        recordFault(kind, kind);
    }

    /**
     * Notes a fault by kind and by label, the kind with what sets it apart ({@code status_503},
     * {@code rate_limit_without_retry_after}).
     */
    public void recordFault(String kind, String label) {
        faultLabels.computeIfAbsent(label, k -> new LongAdder()).increment();
        faultsApplied.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** How many requests each fault was applied to, by label, e.g. {@code "status_503" -> 3}. */
    public Map<String, Long> faultsAppliedByLabel() {
        Map<String, Long> out = new TreeMap<>();
        faultLabels.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** How many requests each kind of fault was applied to, e.g. {@code "delay" -> 3}. */
    public Map<String, Long> faultsApplied() {
        Map<String, Long> out = new TreeMap<>();
        faultsApplied.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long total() {
        return total.sum();
    }

    public int capacity() {
        return capacity;
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
        countsByRequest.clear();
        countsByRoute.clear();
        faultsApplied.clear();
        faultLabels.clear();
        total.reset();
    }

    /** The path relative to {@code /api/v2}. */
    public static String apiPath(String rawPath) {
        return rawPath.startsWith("/api/v2") ? rawPath.substring("/api/v2".length()) : rawPath;
    }

    private static boolean methodMatches(String wanted, String actual) {
        return "*".equals(wanted) || wanted.equalsIgnoreCase(actual);
    }
}
