package io.jenkins.plugins.circleci.api;

import java.net.URI;

/**
 * Links into CircleCI's web app for pipelines, workflows and jobs. Cloud's app lives at {@code app.circleci.com},
 * a CircleCI server's at {@code app.<server-domain>}; a loopback or IP host (the simulator) serves its own links.
 */
public final class WebUrls {
    private final String appBase;

    private WebUrls(String appBase) {
        this.appBase = appBase;
    }

    /** For the CircleCI host whose API is at {@code serverBase/api/v2}. */
    public static WebUrls forServer(URI serverBase) {
        String host = serverBase.getHost();
        String scheme = serverBase.getScheme();
        int port = serverBase.getPort();
        String portPart = port == -1 ? "" : ":" + port;
        boolean local = host == null || host.equals("localhost") || host.matches("[0-9.]+") || host.contains(":");
        if (local) {
            return new WebUrls(scheme + "://" + (host == null ? "localhost" : host) + portPart);
        }
        String appHost = host.startsWith("app.") ? host : "app." + host;
        return new WebUrls(scheme + "://" + appHost + portPart);
    }

    public String project(ProjectSlug slug) {
        return appBase + "/pipelines/" + slug.webProvider() + "/" + slug.org() + "/" + slug.repo();
    }

    public String pipeline(ProjectSlug slug, long number) {
        return project(slug) + "/" + number;
    }

    public String workflow(ProjectSlug slug, long pipelineNumber, String workflowId) {
        return pipeline(slug, pipelineNumber) + "/workflows/" + workflowId;
    }

    public String job(ProjectSlug slug, long pipelineNumber, String workflowId, long jobNumber) {
        return workflow(slug, pipelineNumber, workflowId) + "/jobs/" + jobNumber;
    }

    /** An id-based link that needs no slug; CircleCI redirects it to the pipeline's page. */
    public String pipelineById(String pipelineId) {
        return appBase + "/pipeline/" + pipelineId;
    }
}
