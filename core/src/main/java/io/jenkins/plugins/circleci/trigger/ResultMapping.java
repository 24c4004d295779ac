package io.jenkins.plugins.circleci.trigger;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps terminal CircleCI statuses (workflow and job) onto a {@link BuildResult}. The defaults are success → SUCCESS;
 * failed, error, unauthorized, infrastructure_fail, timedout → FAILURE; canceled → ABORTED; not_run → NOT_BUILT.
 * A terminal status nobody mapped is FAILURE: an unknown outcome must never pass as a success.
 */
public final class ResultMapping implements Serializable {
    private static final long serialVersionUID = 1L;

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

    /** A copy where {@code status} maps to {@code result}. */
    public ResultMapping with(String status, BuildResult result) {
        Map<String, BuildResult> m = new LinkedHashMap<>(mapping);
        m.put(normalize(status), result);
        return new ResultMapping(m);
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
