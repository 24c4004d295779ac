package io.jenkins.plugins.circleci.api.error;

/** HTTP 404: the pipeline, workflow, job or project does not exist or is not visible to the token. */
public class NotFoundException extends CircleCiApiException {
    public NotFoundException(String message, String hint, int status, String serverMessage, String method, String path) {
        super(message, hint, status, serverMessage, method, path);
    }
}
