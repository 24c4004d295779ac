package io.jenkins.plugins.circleci.steps;

import hudson.console.HyperlinkNote;
import hudson.model.TaskListener;
import jenkins.model.CauseOfInterruption;

/**
 * Why a step that propagates failed the build: the CircleCI pipeline it waited for ended worse than SUCCESS. Holds
 * only what the build's record may show: number, project, result and link.
 */
public final class CircleCiPipelineFailureCause extends CauseOfInterruption {
    private static final long serialVersionUID = 1L;

    private final long number;
    private final String project;
    private final String result;
    private final String url;

    public CircleCiPipelineFailureCause(long number, String project, String result, String url) {
        this.number = number;
        this.project = project;
        this.result = result;
        this.url = url;
    }

    public long getNumber() {
        return number;
    }

    public String getProject() {
        return project;
    }

    public String getResult() {
        return result;
    }

    public String getUrl() {
        return url;
    }

    @Override
    public String getShortDescription() {
        return "CircleCI pipeline #" + number + " (" + project + ") ended " + result + (url == null ? "" : ": " + url);
    }

    @Override
    public void print(TaskListener listener) {
        listener.getLogger().println("CircleCI pipeline #" + number + " (" + project + ") ended " + result
                + (url == null ? "" : ": " + HyperlinkNote.encodeTo(url, url)));
    }
}
