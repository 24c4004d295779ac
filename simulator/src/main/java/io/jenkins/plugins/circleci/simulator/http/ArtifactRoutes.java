package io.jenkins.plugins.circleci.simulator.http;

import io.jenkins.plugins.circleci.simulator.model.JobView;
import io.jenkins.plugins.circleci.simulator.model.SimJob;
import io.jenkins.plugins.circleci.simulator.model.Simulation;
import io.jenkins.plugins.circleci.simulator.scenario.ArtifactSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.http.HttpFields;

/**
 * Artifact downloads, as CircleCI serves them: an artifact's {@code url} needs the token (401 without a valid one)
 * and answers {@code 302} to a short-lived pre-signed link on cloud storage, another host, which needs no token
 * (CircleCI's 2020 notice, quoted in Enterprise-CMCS/eAPD#2160). Here the artifact {@code url} is
 * {@code <base>/artifacts/<vcs>/<org>/<repo>/<job-number>/<node>/<path>} on the API's listener, and the storage is
 * the simulator's second listener ({@code <storage>/artifact-storage/...?Expires=&Signature=}, another port and so
 * another origin), answering in S3's XML. Artifacts are kept {@link #RETENTION} after their job ended, as CircleCI's
 * default storage duration; after that, and for any path the job did not store, the {@code url} answers 404.
 */
final class ArtifactRoutes {
    static final String PREFIX = "/artifacts/";
    static final String STORAGE_PREFIX = "/artifact-storage/";
    static final String ROUTE = "GET /artifacts/{vcs}/{org}/{repo}/{job_number}/{node}/{path}";
    static final String STORAGE_ROUTE = "GET /artifact-storage/{vcs}/{org}/{repo}/{job_number}/{node}/{path}";
    static final Duration RETENTION = Duration.ofDays(30);
    /** How long a pre-signed link stays valid on the simulator's clock. */
    static final Duration LINK_TTL = Duration.ofSeconds(60);

    private final Simulation sim;
    private final String storageBaseUrl;
    private final byte[] signingKey = new byte[32];

    ArtifactRoutes(Simulation sim, String storageBaseUrl) {
        this.sim = sim;
        this.storageBaseUrl = storageBaseUrl;
        new SecureRandom().nextBytes(signingKey);
    }

    /** The {@code url} the artifacts list gives for {@code artifact} of job {@code number} of project {@code slug}. */
    static String url(String baseUrl, String slug, long number, ArtifactSpec artifact) {
        return baseUrl + PREFIX + slug + "/" + number + "/" + artifact.nodeIndex() + "/" + encodePath(artifact.path());
    }

    boolean handles(String rawPath) {
        return rawPath.startsWith(PREFIX);
    }

    // ---- GET /artifacts/{vcs}/{org}/{repo}/{job_number}/{node}/{path...}: the token, then a redirect

    ApiResponse handle(String method, String rawPath, HttpFields headers) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return ApiResponse.message(405, "Method not allowed.").route(method + " /artifacts/?");
        }
        String token = Auth.token(headers);
        if (token == null || !sim.scenario().isValidToken(token)) {
            return ApiResponse.message(401, "You must log in first.").route(ROUTE)
                    .why(token == null ? "no token" : "invalid token");
        }
        Optional<Found> found = find(rawPath.substring(PREFIX.length()));
        if (found.isEmpty()) {
            return ApiResponse.text(404, "Artifact not found", Map.of()).route(ROUTE).why("no such artifact");
        }
        Found f = found.get();
        if (!sim.now().isBefore(f.view().stoppedAt().plus(RETENTION))) {
            return ApiResponse.text(404, "Artifact not found", Map.of()).route(ROUTE)
                    .why("expired: the job ended more than " + RETENTION.toDays() + " days ago");
        }
        String key = rawPath.substring(PREFIX.length());
        long expires = sim.now().plus(LINK_TTL).getEpochSecond();
        String location = storageBaseUrl + STORAGE_PREFIX + key + "?Expires=" + expires + "&Signature="
                + sign(canonical(key), expires);
        return new ApiResponse(302, "text/plain;charset=utf-8", new byte[0], Map.of("Location", location), ROUTE,
                f.view().job().workflow().pipeline().id());
    }

    // ---- GET /artifact-storage/...?Expires=&Signature= on the storage listener: no token, S3's answers

    ApiResponse storage(String method, String rawPath, String rawQuery, HttpFields headers) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return s3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        if (!rawPath.startsWith(STORAGE_PREFIX)) {
            return s3Error(404, "NoSuchBucket", "The specified bucket does not exist");
        }
        if (headers.contains("Authorization")) {
            return s3Error(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query "
                    + "parameter, Signature query string parameter or the Authorization header should be specified");
        }
        String key = rawPath.substring(STORAGE_PREFIX.length());
        Map<String, String> query = ApiRequest.of("GET", "/api/v2", rawQuery, null, new byte[0]).query();
        long expires;
        try {
            expires = Long.parseLong(query.getOrDefault("Expires", ""));
        } catch (NumberFormatException e) {
            return s3Error(403, "AccessDenied", "Query-string authentication requires the Signature, Expires and "
                    + "AWSAccessKeyId parameters");
        }
        if (!MessageDigest.isEqual(sign(canonical(key), expires).getBytes(StandardCharsets.UTF_8),
                query.getOrDefault("Signature", "").getBytes(StandardCharsets.UTF_8))) {
            return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided.");
        }
        if (!sim.now().isBefore(Instant.ofEpochSecond(expires))) {
            return s3Error(403, "AccessDenied", "Request has expired");
        }
        Optional<Found> found = find(key);
        if (found.isEmpty()) {
            return s3Error(404, "NoSuchKey", "The specified key does not exist.");
        }
        return new ApiResponse(200, "application/octet-stream", found.get().artifact().content(), Map.of(),
                STORAGE_ROUTE, found.get().view().job().workflow().pipeline().id());
    }

    private record Found(JobView view, ArtifactSpec artifact) {
    }

    /** {@code <vcs>/<org>/<repo>/<job_number>/<node>/<path...>}: a finished build job's stored artifact. */
    private Optional<Found> find(String key) {
        List<String> s = Arrays.stream(key.split("/", -1)).map(ApiRequest::decode).toList();
        if (s.size() < 6 || s.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        Optional<Long> number = number(s.get(3));
        Optional<Long> node = number(s.get(4));
        if (number.isEmpty() || node.isEmpty()) {
            return Optional.empty();
        }
        String path = String.join("/", s.subList(5, s.size()));
        Optional<JobView> view = sim.project(s.get(0) + "/" + s.get(1) + "/" + s.get(2))
                .flatMap(p -> p.job(number.get())).flatMap(this::jobView)
                .filter(v -> !v.job().approval() && v.terminal() && v.stoppedAt() != null);
        return view.flatMap(v -> v.job().spec().storedArtifacts().stream()
                .filter(a -> a.nodeIndex() == node.get() && a.path().equals(path)).findFirst()
                .map(a -> new Found(v, a)));
    }

    /** The key decoded, so that a client that re-encodes the link's path (as URL libraries may) keeps its signature. */
    private static String canonical(String rawKey) {
        return String.join("/", Arrays.stream(rawKey.split("/", -1)).map(ApiRequest::decode).toList());
    }

    private Optional<JobView> jobView(SimJob job) {
        return sim.visibleWorkflow(job.workflow().id())
                .flatMap(w -> w.jobs().stream().filter(j -> j.job() == job).findFirst());
    }

    private static Optional<Long> number(String segment) {
        try {
            return Optional.of(Long.parseLong(segment));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Each segment percent-encoded (a space as %20), the slashes kept. */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    private static ApiResponse s3Error(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message><RequestId>SIMULATED</RequestId></Error>";
        return new ApiResponse(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of(),
                STORAGE_ROUTE, null);
    }

    private String sign(String key, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal((key + "\n" + expires)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
