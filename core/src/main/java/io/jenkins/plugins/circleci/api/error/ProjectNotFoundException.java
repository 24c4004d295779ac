package io.jenkins.plugins.circleci.api.error;

/**
 * 404 "Project not found": CircleCI gives it for a wrong slug, for a project API token (v2 needs a personal token),
 * for a missing or invalid token on a private project, and for GitHub App / Bitbucket DC projects on the legacy
 * trigger endpoint. The hint names all of these.
 */
public class ProjectNotFoundException extends NotFoundException {
    public ProjectNotFoundException(String message, String hint, int status, String serverMessage, String method,
            String path) {
        super(message, hint, status, serverMessage, method, path);
    }
}
