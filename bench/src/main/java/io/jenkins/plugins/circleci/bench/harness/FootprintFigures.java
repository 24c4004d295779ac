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
     * Linear extrapolation of a thread-per-wait design to {@code waits}, through the two measured points: threads grow
     * with the count; heap per wait stays what the larger run measured.
     */
    public static FootprintFigures extrapolate(FootprintFigures small, FootprintFigures large, int waits) {
        double threadsPerWait = (double) (large.peakThreads - small.peakThreads) / (large.waits - small.waits);
        long threads = Math.round(large.peakThreads + threadsPerWait * (waits - large.waits));
        double requestsPerWait = (double) large.requests / large.waits;
        return new FootprintFigures(large.contender, waits, threads, large.heapPerWait,
                Math.round(requestsPerWait * waits), true);
    }
}
