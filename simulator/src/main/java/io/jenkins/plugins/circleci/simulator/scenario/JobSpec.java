package io.jenkins.plugins.circleci.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One job of a scripted workflow.
 *
 * @param name      job name
 * @param approval  true for an approval job: it waits {@code on_hold} until approved through the API
 * @param duration  how long a build job runs once its upstream jobs are done (ignored for approvals)
 * @param outcome   the job status it ends with: {@code success}, {@code failed}, {@code infrastructure_fail},
 *                  {@code timedout}, {@code unauthorized}, {@code terminated-unknown}...
 * @param requires  names of upstream jobs; {@code null} means "the previous job in the list" (a simple chain)
 * @param tests     how many test results the job reports (failed jobs report their last one as a failure); ignored
 *                  when {@code testResults} are given
 * @param artifacts how many artifacts the job uploads
 * @param testResults the test results the job reports, exactly; empty = {@code tests} generated ones
 * @param steps     the job's steps and their output (API v1.1); empty = a default checkout and run step
 * @param outputEncoding how the step output is served: {@code identity}, {@code gzip} ({@code Content-Encoding:
 *                  gzip}) or {@code gzip-body} (gzip bytes without that header, as an object stored compressed is)
 * @param outputUrlTtl how long an {@code output_url} stays valid after the v1.1 answer that carried it (default 5 days,
 *                  like CircleCI's pre-signed links); zero = expired at once
 * @param artifactFiles the artifacts the job stores, exactly, with their content; empty = {@code artifacts} generated
 *                  text files
 */
public record JobSpec(String name, boolean approval, Duration duration, String outcome, List<String> requires,
                      int tests, int artifacts, List<TestSpec> testResults, List<StepSpec> steps,
                      String outputEncoding, Duration outputUrlTtl, List<ArtifactSpec> artifactFiles) {

    /** The encodings of {@link #outputEncoding}. */
    public static final List<String> OUTPUT_ENCODINGS = List.of("identity", "gzip", "gzip-body");
    static final Duration DEFAULT_OUTPUT_URL_TTL = Duration.ofDays(5);

    public JobSpec {
        Objects.requireNonNull(name, "job name");
        duration = duration == null ? Duration.ZERO : duration;
        outcome = outcome == null ? "success" : outcome;
        requires = requires == null ? null : List.copyOf(requires);
        testResults = testResults == null ? List.of() : List.copyOf(testResults);
        steps = steps == null ? List.of() : List.copyOf(steps);
        outputEncoding = outputEncoding == null ? "identity" : outputEncoding.toLowerCase(Locale.ROOT);
        if (!OUTPUT_ENCODINGS.contains(outputEncoding)) {
            throw new IllegalArgumentException("job '" + name + "': output_encoding must be one of "
                    + OUTPUT_ENCODINGS + ", not '" + outputEncoding + "'");
        }
        artifactFiles = artifactFiles == null ? List.of() : List.copyOf(artifactFiles);
        outputUrlTtl = outputUrlTtl == null ? DEFAULT_OUTPUT_URL_TTL : outputUrlTtl;
        if (outputUrlTtl.isNegative()) {
            throw new IllegalArgumentException("job '" + name + "': output_url_ttl must not be negative");
        }
    }

    /** A job without declared artifact files. */
    public JobSpec(String name, boolean approval, Duration duration, String outcome, List<String> requires,
                   int tests, int artifacts, List<TestSpec> testResults, List<StepSpec> steps,
                   String outputEncoding, Duration outputUrlTtl) {
        this(name, approval, duration, outcome, requires, tests, artifacts, testResults, steps, outputEncoding,
                outputUrlTtl, null);
    }

    /** A job without declared test results or steps. */
    public JobSpec(String name, boolean approval, Duration duration, String outcome, List<String> requires,
                   int tests, int artifacts) {
        this(name, approval, duration, outcome, requires, tests, artifacts, null, null, null, null);
    }

    public static JobSpec build(String name, Duration duration, String outcome) {
        return new JobSpec(name, false, duration, outcome, null, 0, 0);
    }

    public static JobSpec approval(String name) {
        return new JobSpec(name, true, Duration.ZERO, "success", null, 0, 0);
    }

    public JobSpec withRequires(List<String> upstream) {
        return new JobSpec(name, approval, duration, outcome, upstream, tests, artifacts, testResults, steps,
                outputEncoding, outputUrlTtl, artifactFiles);
    }

    public JobSpec withTests(int count) {
        return new JobSpec(name, approval, duration, outcome, requires, count, artifacts, testResults, steps,
                outputEncoding, outputUrlTtl, artifactFiles);
    }

    public JobSpec withArtifacts(int count) {
        return new JobSpec(name, approval, duration, outcome, requires, tests, count, testResults, steps,
                outputEncoding, outputUrlTtl, artifactFiles);
    }

    /** Stores exactly these artifacts (instead of {@code artifacts} generated ones). */
    public JobSpec withArtifactFiles(List<ArtifactSpec> files) {
        return new JobSpec(name, approval, duration, outcome, requires, tests, artifacts, testResults, steps,
                outputEncoding, outputUrlTtl, files);
    }

    /** The artifacts the job stores: the declared files, or {@code artifacts} generated text files. */
    public List<ArtifactSpec> storedArtifacts() {
        if (!artifactFiles.isEmpty()) {
            return artifactFiles;
        }
        List<ArtifactSpec> generated = new java.util.ArrayList<>();
        for (int i = 1; i <= artifacts; i++) {
            generated.add(ArtifactSpec.text("artifacts/" + name + "/file-" + i + ".txt",
                    "artifact " + i + " of job " + name + "\n"));
        }
        return generated;
    }

    public JobSpec withOutcome(String newOutcome) {
        return new JobSpec(name, approval, duration, newOutcome, requires, tests, artifacts, testResults, steps,
                outputEncoding, outputUrlTtl, artifactFiles);
    }

    /** Reports exactly these test results (instead of {@code tests} generated ones). */
    public JobSpec withTestResults(List<TestSpec> results) {
        return new JobSpec(name, approval, duration, outcome, requires, tests, artifacts, results, steps,
                outputEncoding, outputUrlTtl, artifactFiles);
    }

    /** Reports {@code passed} passing, {@code failed} failing and {@code skipped} skipped generated test results. */
    public JobSpec withGeneratedTests(int passed, int failed, int skipped) {
        return withTestResults(GeneratedTests.of(name, passed, failed, skipped));
    }

    public JobSpec withSteps(List<StepSpec> jobSteps) {
        return new JobSpec(name, approval, duration, outcome, requires, tests, artifacts, testResults, jobSteps,
                outputEncoding, outputUrlTtl, artifactFiles);
    }

    public JobSpec withOutputEncoding(String encoding) {
        return new JobSpec(name, approval, duration, outcome, requires, tests, artifacts, testResults, steps,
                encoding, outputUrlTtl, artifactFiles);
    }

    public JobSpec withOutputUrlTtl(Duration ttl) {
        return new JobSpec(name, approval, duration, outcome, requires, tests, artifacts, testResults, steps,
                outputEncoding, ttl, artifactFiles);
    }
}
