package io.jenkins.plugins.circleci.simulator.http;

import io.jenkins.plugins.circleci.simulator.model.JobView;
import io.jenkins.plugins.circleci.simulator.model.SimJob;
import io.jenkins.plugins.circleci.simulator.model.SimProject;
import io.jenkins.plugins.circleci.simulator.model.Simulation;
import io.jenkins.plugins.circleci.simulator.model.StepTimeline;
import io.jenkins.plugins.circleci.simulator.model.WorkflowView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.http.HttpFields;

/**
 * What API v2 cannot tell about a job: the v1.1 job ({@code GET /api/v1.1/project/{vcs}/{org}/{repo}/{build_num}},
 * authenticated like v2) with its steps and their {@code output_url}s, and those URLs themselves. CircleCI's are
 * pre-signed links to another host (S3): they need no token, expire, and serve JSON either plain or gzip-compressed.
 * Here they live under {@code /action-output/} on the simulator's own host, signed with a key of this run and
 * expiring on the simulator's clock; a request that carries an {@code Authorization} header is refused, as S3 refuses
 * a second authentication next to a pre-signed query.
 */
final class JobOutputRoutes {

    static final String V11 = "/api/v1.1/";
    static final String OUTPUT = "/action-output/";
    static final String V11_ROUTE = "GET /api/v1.1/project/{vcs}/{org}/{repo}/{build_num}";
    static final String OUTPUT_ROUTE = "GET /action-output/{vcs}/{org}/{repo}/{build_num}/{step}";

    private final Simulation sim;
    private final JobOutputBodies bodies;
    private final String baseUrl;
    private final byte[] signingKey = new byte[32];

    JobOutputRoutes(Simulation sim, Bodies bodies, String baseUrl) {
        this.sim = sim;
        this.bodies = new JobOutputBodies(bodies);
        this.baseUrl = baseUrl;
        new SecureRandom().nextBytes(signingKey);
    }

    boolean handles(String rawPath) {
        return rawPath.startsWith(V11) || rawPath.startsWith(OUTPUT);
    }

    ApiResponse handle(String method, String rawPath, String rawQuery, HttpFields headers) {
        return rawPath.startsWith(V11) ? v11(method, rawPath, Auth.token(headers))
                : output(method, rawPath, rawQuery, headers);
    }

    // ---- GET /api/v1.1/project/{vcs}/{org}/{repo}/{build_num}

    private ApiResponse v11(String method, String rawPath, String token) {
        List<String> s = segments(rawPath.substring(V11.length()));
        if (!"GET".equals(method) || s.size() != 5 || !s.get(0).equals("project")) {
            return ApiResponse.message(404, "Not found").route(method + " /api/v1.1/?");
        }
        String slug = ApiRequest.decode(s.get(1)) + "/" + ApiRequest.decode(s.get(2)) + "/"
                + ApiRequest.decode(s.get(3));
        Optional<SimProject> project = sim.scenario().isValidToken(token) ? sim.project(slug) : Optional.empty();
        if (project.isEmpty()) {
            return ApiResponse.message(404, ApiRoutes.PROJECT_NOT_FOUND).route(V11_ROUTE);
        }
        Optional<JobView> view = number(s.get(4)).flatMap(project.get()::job).flatMap(this::jobView);
        if (view.isEmpty() || view.get().job().approval()) {
            return ApiResponse.message(404, "Build not found").route(V11_ROUTE);
        }
        SimJob job = view.get().job();
        WorkflowView workflow = sim.visibleWorkflow(job.workflow().id()).orElseThrow();
        Instant now = sim.now();
        Instant expires = now.plus(job.spec().outputUrlTtl());
        List<StepTimeline.Step> steps = StepTimeline.of(view.get(), now);
        return ApiResponse.json(200, bodies.v11Job(view.get(), workflow, steps,
                        step -> outputUrl(slug, view.get().number(), step.index(), expires)))
                .route(V11_ROUTE).pipeline(job.workflow().pipeline().id());
    }

    private String outputUrl(String slug, long number, int step, Instant expires) {
        String path = OUTPUT + slug + "/" + number + "/" + step;
        long epoch = expires.getEpochSecond();
        return baseUrl + path + "?Expires=" + epoch + "&Signature=" + sign(path, epoch);
    }

    // ---- GET /action-output/{vcs}/{org}/{repo}/{build_num}/{step}?Expires=&Signature=

    private ApiResponse output(String method, String rawPath, String rawQuery, HttpFields headers) {
        if (!"GET".equals(method)) {
            return s3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        if (headers.contains("Authorization")) {
            return s3Error(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query "
                    + "parameter, Signature query string parameter or the Authorization header should be specified");
        }
        Map<String, String> query = ApiRequest.of("GET", "/api/v2", rawQuery, null, new byte[0]).query();
        long expires;
        try {
            expires = Long.parseLong(query.getOrDefault("Expires", ""));
        } catch (NumberFormatException e) {
            return s3Error(403, "AccessDenied", "Query-string authentication requires the Signature, Expires and "
                    + "AWSAccessKeyId parameters");
        }
        String signature = query.getOrDefault("Signature", "");
        if (!MessageDigest.isEqual(sign(rawPath, expires).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided.");
        }
        if (!sim.now().isBefore(Instant.ofEpochSecond(expires))) {
            return s3Error(403, "AccessDenied", "Request has expired");
        }
        List<String> s = segments(rawPath.substring(OUTPUT.length()));
        Optional<JobView> view = s.size() == 5
                ? sim.project(s.get(0) + "/" + s.get(1) + "/" + s.get(2))
                        .flatMap(p -> number(s.get(3)).flatMap(p::job)).flatMap(this::jobView)
                : Optional.empty();
        Optional<StepTimeline.Step> step = view.flatMap(v -> number(s.get(4)).flatMap(i ->
                StepTimeline.of(v, sim.now()).stream().filter(x -> x.index() == i).findFirst()));
        if (step.isEmpty()) {
            return s3Error(404, "NoSuchKey", "The specified key does not exist.");
        }
        byte[] json = Json.write(JobOutputBodies.output(step.get())).getBytes(StandardCharsets.UTF_8);
        String encoding = view.get().job().spec().outputEncoding();
        ApiResponse response = switch (encoding) {
            case "gzip" -> new ApiResponse(200, "application/json", gzip(json), Map.of("Content-Encoding", "gzip"),
                    null, null);
            case "gzip-body" -> new ApiResponse(200, "application/octet-stream", gzip(json), Map.of(), null, null);
            default -> new ApiResponse(200, "application/json", json, Map.of(), null, null);
        };
        return response.route(OUTPUT_ROUTE).pipeline(view.get().job().workflow().pipeline().id());
    }

    /** S3's error body: XML, with a code and a message. */
    private static ApiResponse s3Error(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message><RequestId>SIMULATED</RequestId></Error>";
        return new ApiResponse(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of(), OUTPUT_ROUTE,
                null);
    }

    private String sign(String path, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Optional<JobView> jobView(SimJob job) {
        return sim.visibleWorkflow(job.workflow().id())
                .flatMap(w -> w.jobs().stream().filter(j -> j.job() == job).findFirst());
    }

    private static List<String> segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(x -> !x.isEmpty()).toList();
    }

    private static Optional<Long> number(String segment) {
        try {
            return Optional.of(Long.parseLong(segment));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
