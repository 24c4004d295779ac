package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.init.Terminator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.annotation_indexer.Indexed;
import org.jvnet.hudson.reactor.Milestone;

class CircleCiExecutorsTest {
    @AfterEach
    void shutDown() {
        CircleCiExecutors.shutdown();
    }

    @Test
    void jenkinsCanFindTheShutdownAmongItsIndexedTerminators() throws Exception {
        Terminator terminator = CircleCiExecutors.class.getMethod("shutdown").getAnnotation(Terminator.class);

        assertThat(terminator).as("@Terminator on shutdown()").isNotNull();
        assertThat(Terminator.class.isAnnotationPresent(Indexed.class))
                .as("Jenkins lists @Terminator methods from the index @Indexed asks for").isTrue();
        assertThat(terminator.after()).isInstanceOf(Milestone.class).hasToString("Started termination");
        assertThat(terminator.before()).hasToString("Completed termination");
    }

    @Test
    void blockingWorkRunsOnAtMostAFewNamedDaemonThreadsAndTheRestQueues() throws Exception {
        ExecutorService blocking = CircleCiExecutors.blocking();
        int tasks = CircleCiExecutors.BLOCKING_THREADS * 3;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(CircleCiExecutors.BLOCKING_THREADS);
        CountDownLatch done = new CountDownLatch(tasks);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < tasks; i++) {
            blocking.execute(() -> {
                threads.add(Thread.currentThread());
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).as("the pool's threads all started").isTrue();
        release.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).as("the queued work ran too").isTrue();

        assertThat(threads).hasSize(CircleCiExecutors.BLOCKING_THREADS)
                .allSatisfy(t -> {
                    assertThat(t.isDaemon()).isTrue();
                    assertThat(t.getName()).startsWith("CircleCI trigger #");
                });
    }

    @Test
    void theSchedulerHasNamedDaemonThreads() throws Exception {
        Thread thread = CircleCiExecutors.scheduler().submit(Thread::currentThread).get(10, TimeUnit.SECONDS);

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).startsWith("CircleCI watcher #");
    }

    @Test
    void goingDownLetsARequestInFlightFinishAndDropsPollsDueLater() throws Exception {
        ScheduledExecutorService scheduler = CircleCiExecutors.scheduler();
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> request = scheduler.submit(() -> {
            inFlight.countDown();
            release.await();
            return Thread.currentThread().isInterrupted();
        });
        ScheduledFuture<?> later = scheduler.schedule(() -> { }, 1, TimeUnit.HOURS);
        assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();

        CircleCiExecutors.shutdown();
        release.countDown();

        assertThat(request.get(10, TimeUnit.SECONDS)).as("interrupted").isFalse();
        assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).as("the poll due in an hour was dropped")
                .isTrue();
        assertThat(later.isDone()).isTrue();
    }

    @Test
    void jenkinsGoingDownStopsBothAndAStartInTheSameJvmGetsNewOnes() {
        ExecutorService blocking = CircleCiExecutors.blocking();
        ScheduledExecutorService scheduler = CircleCiExecutors.scheduler();

        CircleCiExecutors.shutdown();

        assertThat(blocking.isShutdown()).isTrue();
        assertThat(scheduler.isShutdown()).isTrue();
        assertThat(CircleCiExecutors.blocking()).isNotSameAs(blocking).matches(e -> !e.isShutdown());
        assertThat(CircleCiExecutors.scheduler()).isNotSameAs(scheduler).matches(e -> !e.isShutdown());
    }
}
