package io.jenkins.plugins.circleci.bench.harness;

/**
 * What {@code waits} concurrent waits cost the JVM, in real time.
 *
 * @param peakThreads   the JVM's peak live thread count during the waits, less the live count just before them
 * @param heapPerWait   used heap after a full GC with the waits running, less the same before them, divided by waits
 *                      (bytes)
 * @param requests      requests the waits made while they were measured
 * @param extrapolated  true when not measured but extrapolated linearly from smaller counts
 */
public record FootprintFigures(String contender, int waits, long peakThreads, long heapPerWait, long requests,
                               boolean extrapolated) {

    /**
     * Extrapolates a thread-per-wait design to {@code waits}, in proportion to its largest measured count: threads and
     * requests grow linearly with the waits (one thread each), heap per wait stays what that run measured.
     */
    public static FootprintFigures extrapolate(FootprintFigures measured, int waits) {
        double scale = (double) waits / measured.waits;
        return new FootprintFigures(measured.contender, waits, Math.round(measured.peakThreads * scale),
                measured.heapPerWait, Math.round(measured.requests * scale), true);
    }
}
