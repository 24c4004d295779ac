package io.jenkins.plugins.circleci.trigger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An outcome as both shells hand it to their users: the CLI's {@code --json} object and the Jenkins steps' return
 * value share these fields, so scripts moving between them see the same names and values. Plain maps and lists of
 * strings and numbers only (the Groovy sandbox reads them without approval; Jackson writes them as they are).
 */
public final class OutcomeView {
    private OutcomeView() {}

    /**
     * {@code id, number, project, state, result, url, workflows[{id, name, status, url}]}; the pipeline's fields are
     * null when CircleCI created none, and {@code result} is null when nobody waited.
     *
     * @param requestedProject the slug asked for, shown as {@code project} when CircleCI created no pipeline (may be
     *        null)
     */
    public static Map<String, Object> of(Outcome outcome, String requestedProject) {
        Map<String, Object> map = new LinkedHashMap<>();
        PipelineSummary p = outcome.pipeline();
        map.put("id", p == null ? null : p.id());
        map.put("number", p == null ? null : p.number());
        map.put("project", p == null || p.projectSlug() == null ? requestedProject : p.projectSlug());
        map.put("state", p == null ? null : p.state());
        map.put("result", outcome.result() == null ? null : outcome.result().name());
        map.put("url", p == null ? null : p.url());
        List<Map<String, Object>> workflows = new ArrayList<>();
        for (WorkflowSummary w : outcome.workflows()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("id", w.id());
            wm.put("name", w.name());
            wm.put("status", w.status());
            wm.put("url", w.url());
            workflows.add(wm);
        }
        map.put("workflows", workflows);
        return map;
    }
}
