package io.jenkins.plugins.circleci.api.http;

import io.jenkins.plugins.circleci.api.ProjectSlug;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CircleCI request as the client describes it: method, path segments under {@code /api/v2} (or another API
 * version of the same host, see {@link #inApiVersion}), query, JSON body,
 * and what error messages need to be helpful (what the request is about, the project, the inputs sent).
 * Immutable; the {@code with...} methods return copies.
 */
public final class ApiCall {
    private final String method;
    private final List<String> segments;
    private final Map<String, String> query;
    private final Object body;
    private final String subject;
    private final ProjectSlug project;
    private final String input;
    private final OutcomeUnknown sendOnce;
    private final String apiVersion;

    private ApiCall(String method, List<String> segments, Map<String, String> query, Object body, String subject,
            ProjectSlug project, String input, OutcomeUnknown sendOnce) {
        this(method, segments, query, body, subject, project, input, sendOnce, ApiBaseUrl.V2);
    }

    private ApiCall(String method, List<String> segments, Map<String, String> query, Object body, String subject,
            ProjectSlug project, String input, OutcomeUnknown sendOnce, String apiVersion) {
        this.apiVersion = apiVersion;
        this.method = method;
        this.segments = List.copyOf(segments);
        this.query = Map.copyOf(query);
        this.body = body;
        this.subject = subject;
        this.project = project;
        this.input = input;
        this.sendOnce = sendOnce;
    }

    /**
     * A GET of {@code subject} (such as "pipeline 5e2c..."), at {@code /api/v2/<segments...>}. Each segment is
     * encoded on its own, so a slug's '/' is never turned into %2F.
     */
    public static ApiCall get(String subject, String... segments) {
        return new ApiCall("GET", List.of(segments), Map.of(), null, subject, null, null, null);
    }

    /** A POST with a JSON body ({@code {}} when {@code body} is null). */
    public static ApiCall post(String subject, Object body, String... segments) {
        return new ApiCall("POST", List.of(segments), Map.of(), body, subject, null, null, null);
    }

    /** Marks the call as one about a project, so that a 404 "Project not found" names the slug forms. */
    public ApiCall aboutProject(ProjectSlug slug) {
        return new ApiCall(method, segments, query, body, subject, slug, input, sendOnce, apiVersion);
    }

    /** What was sent, for a 400's message (names only, never values that could be secret). */
    public ApiCall withInput(String description) {
        return new ApiCall(method, segments, query, body, subject, project, description, sendOnce, apiVersion);
    }

    public ApiCall withQuery(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.put(name, value);
        return new ApiCall(method, segments, copy, body, subject, project, input, sendOnce, apiVersion);
    }

    /**
     * A request that is not idempotent: never re-sent once it may have reached CircleCI. Such a failure is
     * reported through {@code unknownOutcome}.
     */
    public ApiCall sentOnce(OutcomeUnknown unknownOutcome) {
        return new ApiCall(method, segments, query, body, subject, project, input,
                Objects.requireNonNull(unknownOutcome), apiVersion);
    }

    /**
     * The same call under {@code /api/<version>} of the same host, e.g. {@code v1.1} for what API v2 lacks (a job's
     * steps). Sent like any other: the token, the shared request budget, no redirects followed.
     */
    public ApiCall inApiVersion(String version) {
        return new ApiCall(method, segments, query, body, subject, project, input, sendOnce,
                Objects.requireNonNull(version, "version"));
    }

    String apiVersion() {
        return apiVersion;
    }

    public String method() {
        return method;
    }

    /**
     * API version, path segments and query, compared exactly: equal for calls of the same URL, whatever the segments
     * hold. The key of a prepared request, looked up on every GET: its hash is worked out once.
     */
    static final class Target {
        private final String apiVersion;
        private final List<String> segments;
        private final Map<String, String> query;
        private final int hash;

        Target(String apiVersion, List<String> segments, Map<String, String> query) {
            this.apiVersion = apiVersion;
            this.segments = segments;
            this.query = query;
            this.hash = (apiVersion.hashCode() * 31 + segments.hashCode()) * 31 + query.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Target that && hash == that.hash && apiVersion.equals(that.apiVersion)
                    && segments.equals(that.segments) && query.equals(that.query);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    Target target() {
        return new Target(apiVersion, segments, query);
    }

    List<String> segments() {
        return segments;
    }

    Map<String, String> query() {
        return query;
    }

    Object body() {
        return body;
    }

    String subject() {
        return subject;
    }

    ProjectSlug project() {
        return project;
    }

    String input() {
        return input;
    }

    boolean isSentOnce() {
        return sendOnce != null;
    }

    OutcomeUnknown outcomeUnknown() {
        return sendOnce;
    }
}
