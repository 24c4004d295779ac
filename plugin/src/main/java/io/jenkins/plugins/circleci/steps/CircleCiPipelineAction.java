package io.jenkins.plugins.circleci.steps;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.circleci.trigger.BuildResult;
import io.jenkins.plugins.circleci.trigger.PipelineSummary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The CircleCI pipelines a build triggered or waited for, shown with links on the build's page. Saved with the build,
 * so it holds only what anyone who can see the build may see: ids, numbers, projects, links and results.
 */
public final class CircleCiPipelineAction extends InvisibleAction {
    private final List<Entry> pipelines = new CopyOnWriteArrayList<>();

    public List<Entry> getPipelines() {
        return pipelines;
    }

    /** Adds the pipeline to the build's action, or updates its entry (the result arrives when the wait ends). */
    static void record(Run<?, ?> run, PipelineSummary pipeline, BuildResult result) {
        CircleCiPipelineAction action;
        synchronized (run) {
            action = run.getAction(CircleCiPipelineAction.class);
            if (action == null) {
                action = new CircleCiPipelineAction();
                run.addAction(action);
            }
        }
        action.put(new Entry(pipeline.id(), pipeline.number(), pipeline.projectSlug(), pipeline.url(),
                result == null ? null : result.name()));
    }

    private synchronized void put(Entry entry) {
        for (int i = 0; i < pipelines.size(); i++) {
            if (pipelines.get(i).getId().equals(entry.getId())) {
                pipelines.set(i, entry);
                return;
            }
        }
        pipelines.add(entry);
    }

    /** One pipeline; {@code result} is null while waiting or when not waited for. */
    public static final class Entry {
        private final String id;
        private final long number;
        private final String project;
        private final String url;
        private final String result;

        Entry(String id, long number, String project, String url, String result) {
            this.id = id;
            this.number = number;
            this.project = project;
            this.url = url;
            this.result = result;
        }

        public String getId() {
            return id;
        }

        public long getNumber() {
            return number;
        }

        public String getProject() {
            return project;
        }

        /** The link, only when it is a web link (the page renders it as one). */
        public String getUrl() {
            return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
        }

        public String getResult() {
            return result;
        }
    }
}
