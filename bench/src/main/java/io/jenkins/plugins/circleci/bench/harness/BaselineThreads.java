package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.bench.baseline.BaselineOutcome;
import io.jenkins.plugins.circleci.bench.baseline.BaselineWaiter;
import java.time.Clock;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;

/** The baseline: one thread per wait, each running {@link BaselineWaiter#await} to the end. */
public final class BaselineThreads extends RecordingWaiter {

    private final BaselineWaiter waiter;
    private final Clock clock;
    private final BiFunction<String, Runnable, Thread> threadStarter;
    private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();

    /**
     * @param threadStarter starts a named thread running the body: a plain thread on real time, or a
     *                      {@link io.jenkins.plugins.circleci.bench.virtual.VirtualScheduler} participant
     */
    public BaselineThreads(BaselineWaiter waiter, Clock clock, BiFunction<String, Runnable, Thread> threadStarter) {
        this.waiter = waiter;
        this.clock = clock;
        this.threadStarter = threadStarter;
    }

    /** Plain daemon threads, as a peer plugin's executor thread would be. */
    public static Thread startDaemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void start(Triggered pipeline) {
        threads.add(threadStarter.apply("baseline-wait-" + pipeline.number(), () -> {
            try {
                BaselineOutcome outcome = waiter.await(pipeline.id());
                record(new WaitResult(pipeline.id(), clock.instant(), outcome.success(),
                        outcome.pipelineState() + " " + outcome.workflowStatuses()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                record(new WaitResult(pipeline.id(), clock.instant(), false, e.toString()));
            }
        }));
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
