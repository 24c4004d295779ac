package io.jenkins.plugins.circleci.trigger;

import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.WebUrls;
import io.jenkins.plugins.circleci.api.error.InvalidRequestException;

/** Links into CircleCI's web app for one pipeline; slug-based links need the slug and number learned by a poll. */
final class Links {
    private final WebUrls urls;
    private final String pipelineId;
    private final ProjectSlug slug;
    private final long number;

    private Links(WebUrls urls, String pipelineId, ProjectSlug slug, long number) {
        this.urls = urls;
        this.pipelineId = pipelineId;
        this.slug = slug;
        this.number = number;
    }

    static Links of(WebUrls urls, WatchState state) {
        return new Links(urls, state.pipelineId(), parseOrNull(state.projectSlug()), state.pipelineNumber());
    }

    String pipeline() {
        return slug != null && number > 0 ? urls.pipeline(slug, number) : urls.pipelineById(pipelineId);
    }

    /** The workflow's page, or null while the pipeline's slug and number are unknown. */
    String workflow(String workflowId) {
        return slug != null && number > 0 ? urls.workflow(slug, number, workflowId) : null;
    }

    /** The job's page when it has a number; its workflow's page otherwise. */
    String job(String workflowId, Long jobNumber) {
        if (jobNumber == null || slug == null || number <= 0) {
            return workflow(workflowId);
        }
        return urls.job(slug, number, workflowId, jobNumber);
    }

    private static ProjectSlug parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ProjectSlug.parse(text);
        } catch (InvalidRequestException e) {
            // A slug form this version does not know: links fall back to id-based ones or none, the wait goes on.
            return null;
        }
    }
}
