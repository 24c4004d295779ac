package io.jenkins.plugins.circleci.bench.jmh;

/**
 * Time per request (µs) from JMH's sampled call times: the median, and the mean with its 99.9 % error margin.
 *
 * @param client        our client's {@code getPipeline}
 * @param bare          the same GET with bare OkHttp, body read as a string
 * @param bareAndJackson bare OkHttp plus Jackson's tree parse, for reference
 */
public record OverheadFigures(Score client, Score bare, Score bareAndJackson) {

    public record Score(double median, double mean, double error) {}

    /** Median against median: the figure held against the target. */
    public double ratio() {
        return client.median() / bare.median();
    }
}
