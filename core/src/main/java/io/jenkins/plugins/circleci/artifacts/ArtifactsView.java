package io.jenkins.plugins.circleci.artifacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listed artifacts as both shells hand them out: the CLI's {@code --json} and the steps' return value carry them as
 * {@code artifacts}, plain maps of strings and numbers (the Groovy sandbox reads them without approval).
 */
public final class ArtifactsView {
    private ArtifactsView() {}

    /** {@code [{workflow, job, jobNumber, path, url, nodeIndex}]}, in workflow and job order. */
    public static List<Map<String, Object>> artifacts(CollectedArtifacts collected) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ListedArtifact a : collected.artifacts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workflow", a.workflow());
            m.put("job", a.job());
            m.put("jobNumber", a.jobNumber());
            m.put("path", a.path());
            m.put("url", a.url());
            m.put("nodeIndex", a.nodeIndex());
            out.add(m);
        }
        return out;
    }
}
