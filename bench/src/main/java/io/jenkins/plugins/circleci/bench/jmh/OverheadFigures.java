package io.jenkins.plugins.circleci.bench.jmh;

/**
 * Mean time per request (µs, JMH average time) and its 99.9 % error margin.
 *
 * @param client        our client's {@code getPipeline}
 * @param bare          the same GET with bare OkHttp, body read as a string
 * @param bareAndJackson bare OkHttp plus Jackson's tree parse, for reference
 */
public record OverheadFigures(Score client, Score bare, Score bareAndJackson) {

    public record Score(double microseconds, double error) {}

    public double ratio() {
        return client.microseconds() / bare.microseconds();
    }
}
