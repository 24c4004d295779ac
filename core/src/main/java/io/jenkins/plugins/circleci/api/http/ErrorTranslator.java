package io.jenkins.plugins.circleci.api.http;

import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.error.BadRequestException;
import io.jenkins.plugins.circleci.api.error.CircleCiApiException;
import io.jenkins.plugins.circleci.api.error.ForbiddenException;
import io.jenkins.plugins.circleci.api.error.MalformedResponseException;
import io.jenkins.plugins.circleci.api.error.NotFoundException;
import io.jenkins.plugins.circleci.api.error.ProjectNotFoundException;
import io.jenkins.plugins.circleci.api.error.RateLimitedException;
import io.jenkins.plugins.circleci.api.error.RedirectRefusedException;
import io.jenkins.plugins.circleci.api.error.ServerErrorException;
import io.jenkins.plugins.circleci.api.error.UnauthorizedException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Turns CircleCI's HTTP errors into the client's exceptions, each with a message and a hint that says what to do. */
final class ErrorTranslator {
    static final String DOCS = "docs/troubleshooting.md";
    // Legacy endpoints say "Project not found", the spec "Project not found.", pipeline/run "Project does not exist."
    private static final Pattern PROJECT_NOT_FOUND = Pattern.compile(
            "(project not found|project does not exist|organization does not exist)\\.?", Pattern.CASE_INSENSITIVE);
    static final String NEW_TOKEN = "Create a new personal API token in the CircleCI app at User Settings > "
            + "Personal API Tokens.";

    private ErrorTranslator() {}

    static CircleCiApiException forStatus(ApiCall call, String path, int status, String body, Duration retryAfter) {
        String server = ServerMessage.of(body);
        String what = "CircleCI answered " + status + " to " + call.method() + " " + path + " (" + call.subject()
                + ")" + (server.isEmpty() ? " with an empty body." : ": " + server);
        String method = call.method();
        if (status == 400) {
            String sent = call.input() == null ? "" : " Sent: " + call.input() + ".";
            return new BadRequestException(what + sent, badRequestHint(server), status, server, method, path);
        }
        if (status == 401) {
            return new UnauthorizedException(what, "The token is missing, expired or revoked, of an old format "
                    + "(tokens created before 2023-06-23 are refused by newer endpoints such as pipeline/run), or a "
                    + "project API token, which API v2 does not accept. " + NEW_TOKEN + " See " + DOCS
                    + "#unauthorized.", status, server, method, path);
        }
        if (status == 403) {
            return new ForbiddenException(what, "The token's user may not do this: check their role in the "
                    + "CircleCI organization (triggering, cancelling and approving need write access) and any "
                    + "restricted contexts. See " + DOCS + "#forbidden.", status, server, method, path);
        }
        if (status == 404) {
            ProjectSlug project = call.project();
            if (project != null && PROJECT_NOT_FOUND.matcher(server.strip()).matches()) {
                return new ProjectNotFoundException("CircleCI found no project " + project + ": " + what,
                        projectNotFoundHint(), status, server, method, path);
            }
            return new NotFoundException("CircleCI found no " + call.subject() + ": " + what, "Check the id or "
                    + "number: it may belong to another CircleCI host or project, or the token's user cannot see "
                    + "its project. See " + DOCS + "#not-found.", status, server, method, path);
        }
        if (status == 429) {
            return new RateLimitedException(what, "CircleCI throttles requests per token. "
                    + (retryAfter == null ? "Wait a little" : "Wait " + retryAfter.toSeconds() + " s (its Retry-After)")
                    + " and poll less often; every caller in this JVM with the same host and token shares one request "
                    + "budget. See " + DOCS + "#rate-limited.", server, method, path, retryAfter);
        }
        if (status >= 500) {
            return new ServerErrorException(what, "CircleCI, or a proxy in front of it, failed. Reads are retried; "
                    + "if this persists, check https://status.circleci.com (or your CircleCI server's health). See "
                    + DOCS + "#server-error.", status, server, method, path);
        }
        return new CircleCiApiException(what, "This is not an answer CircleCI's API documents: check that the base "
                + "URL points at CircleCI (https://circleci.com or your server's address). See " + DOCS
                + "#unexpected-answer.", status, server, method, path);
    }

    /**
     * A 3xx, never followed (see {@link ApiTransport#configure}). The message and the location name where it pointed,
     * without user name, password, query or fragment, which could carry credentials or anything else.
     */
    static RedirectRefusedException redirect(ApiCall call, String path, int status, HttpUrl api, HttpUrl location) {
        HttpUrl target = location == null ? null
                : location.newBuilder().username("").password("").query(null).fragment(null).build();
        String base = api.scheme() + "://" + api.host() + ":" + api.port();
        String where = target == null ? "without saying where (no Location header)"
                : "redirecting to " + target.scheme() + "://" + target.host() + ":" + target.port()
                        + target.encodedPath();
        return new RedirectRefusedException("CircleCI at " + base + " answered " + status + " to " + call.method()
                + " " + path + " (" + call.subject() + ") " + where + "; the request was not repeated there.",
                "Configure the server URL it redirects to (e.g. https:// instead of http://). circleci-trigger "
                        + "never follows a redirect, so that the token goes only to the configured host and no "
                        + "trigger is sent twice. See " + DOCS + "#redirect.",
                status, target == null ? null : target.toString(), call.method(), path);
    }

    static String projectNotFoundHint() {
        return "CircleCI says this when: (1) the slug is wrong: use gh/<org>/<repo>, github/<org>/<repo>, "
                + "bb/<org>/<repo>, bitbucket/<org>/<repo>, or circleci/<org-id>/<project-id> (copy it from Project "
                + "Settings > Overview); (2) the token is a project API token, which API v2 does not accept: use a "
                + "personal API token (User Settings > Personal API Tokens); (3) the token is missing, invalid, or "
                + "its user cannot see the project; (4) a GitHub App or Bitbucket Data Center project is triggered "
                + "without a pipeline definition id: those need one (pipeline/run), from Project Settings > Project "
                + "Setup. See " + DOCS + "#project-not-found.";
    }

    private static String badRequestHint(String server) {
        String lower = server.toLowerCase(Locale.ROOT);
        if (lower.contains("branch not found")) {
            return "Check that the branch exists in the repository and has been pushed (names are case-sensitive). "
                    + "See " + DOCS + "#branch-not-found.";
        }
        if (lower.contains("unexpected request body")) {
            return "CircleCI refused the request's shape: check the definition id, and that only one of branch and "
                    + "tag is given. See " + DOCS + "#unexpected-request-body.";
        }
        return "Check the inputs named above: pipeline parameters must be declared in .circleci/config.yml with "
                + "matching types (at most 100, names up to 128 and values up to 512 characters). See " + DOCS
                + "#bad-request.";
    }

    static MalformedResponseException malformed(ApiCall call, String path, int status, String body, Throwable cause) {
        String excerpt = ServerMessage.of(body);
        return new MalformedResponseException("CircleCI answered " + status + " to " + call.method() + " " + path
                + " (" + call.subject() + ") with a body that is not the JSON the API documents"
                + (excerpt.isEmpty() ? " (it was empty)." : ": " + excerpt),
                "A proxy, firewall or login page may have answered instead of CircleCI: check the base URL and the "
                        + "proxy settings. See " + DOCS + "#malformed-response.", call.method(), path, cause);
    }
}
