package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.model.JobStatus;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps terminal CircleCI statuses (workflow and job) onto a {@link BuildResult}. The defaults are success → SUCCESS;
 * failed, error, unauthorized, infrastructure_fail, timedout → FAILURE; canceled → ABORTED; not_run → NOT_BUILT.
 * A terminal status nobody mapped is FAILURE: an unknown outcome must never pass as a success.
 */
public final class ResultMapping implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Statuses of workflows and jobs that CircleCI documents as not final. */
    private static final Set<String> IN_PROGRESS = Set.of("running", "failing", "on_hold", "queued", "not_running",
            "blocked");

    private final Map<String, BuildResult> mapping;

    private ResultMapping(Map<String, BuildResult> mapping) {
        this.mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    }

    public static ResultMapping defaults() {
        Map<String, BuildResult> m = new LinkedHashMap<>();
        m.put("success", BuildResult.SUCCESS);
        m.put("failed", BuildResult.FAILURE);
        m.put("error", BuildResult.FAILURE);
        m.put("unauthorized", BuildResult.FAILURE);
        m.put("infrastructure_fail", BuildResult.FAILURE);
        m.put("timedout", BuildResult.FAILURE);
        m.put("terminated-unknown", BuildResult.FAILURE);
        m.put("canceled", BuildResult.ABORTED);
        m.put("not_run", BuildResult.NOT_BUILT);
        return new ResultMapping(m);
    }

    /**
     * A copy where {@code status} maps to {@code result}. A status CircleCI may yet report (any known terminal one)
     * or one this client does not know (a newer terminal status) can be mapped; an in-progress one cannot, since a
     * wait never ends on it.
     *
     * @throws IllegalArgumentException for a blank or in-progress status
     */
    public ResultMapping with(String status, BuildResult result) {
        String key = normalize(status);
        if (IN_PROGRESS.contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a final CircleCI status, so it has no result to "
                    + "map; map final ones such as " + String.join(", ", mapping.keySet()) + "."
                    + (key.equals("on_hold") ? " For workflows waiting for approval, use the on-hold policy." : ""));
        }
        Map<String, BuildResult> m = new LinkedHashMap<>(mapping);
        m.put(key, Objects.requireNonNull(result, "result"));
        return new ResultMapping(m);
    }

    /**
     * Parses one override as users write it, {@code STATUS=RESULT}, e.g. {@code failed=UNSTABLE}; the status is
     * case-insensitive, the result one of SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED in any case.
     *
     * @throws IllegalArgumentException with a message that says what was wrong
     */
    public static Map.Entry<String, BuildResult> parseOverride(String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a result override; write it as STATUS=RESULT, "
                    + "e.g. failed=UNSTABLE.");
        }
        String status = normalize(text.substring(0, eq));
        BuildResult result = BuildResult.parse(text.substring(eq + 1));
        return Map.entry(status, result);
    }

    /** A copy with {@code STATUS=RESULT} overrides (see {@link #parseOverride}) applied in order. */
    public ResultMapping withOverrideTexts(List<String> texts) {
        ResultMapping r = this;
        for (String text : texts) {
            Map.Entry<String, BuildResult> override = parseOverride(text);
            r = r.with(override.getKey(), override.getValue());
        }
        return r;
    }

    /** A copy with every override applied; keys are statuses, values results such as "UNSTABLE". */
    public ResultMapping withOverrides(Map<String, String> overrides) {
        ResultMapping r = this;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            r = r.with(e.getKey(), BuildResult.parse(e.getValue()));
        }
        return r;
    }

    /** The result for a terminal status; FAILURE for one that is not mapped. */
    public BuildResult map(String status) {
        return mapping.getOrDefault(normalize(status), BuildResult.FAILURE);
    }

    public Map<String, BuildResult> asMap() {
        return mapping;
    }

    /**
     * The mapped statuses CircleCI is not known to report: a newer final status a user maps ahead of this client, or a
     * typo such as {@code faild}, which would otherwise be ignored in silence. Watches warn about them.
     */
    public List<String> unknownStatuses() {
        return mapping.keySet().stream()
                .filter(status -> !WorkflowStatus.of(status).isKnown() && !JobStatus.of(status).isKnown())
                .toList();
    }

    private static String normalize(String status) {
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("A result mapping needs a CircleCI status such as failed or canceled.");
        }
        return status.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultMapping other && other.mapping.equals(mapping);
    }

    @Override
    public int hashCode() {
        return mapping.hashCode();
    }

    @Override
    public String toString() {
        return "ResultMapping" + mapping;
    }
}
