package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.init.Terminator;
import java.net.URL;
import java.net.URLClassLoader;
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
    void theTimerIsOneNamedDaemonThreadApartFromTheWatchersThreads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(CircleCiExecutors.SCHEDULER_THREADS);
        for (int i = 0; i < CircleCiExecutors.SCHEDULER_THREADS; i++) {
            CircleCiExecutors.scheduler().execute(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertThat(busy.await(10, TimeUnit.SECONDS)).as("the watcher's threads are all held").isTrue();

            Thread thread = CircleCiExecutors.timer().schedule(Thread::currentThread, 1, TimeUnit.MILLISECONDS)
                    .get(10, TimeUnit.SECONDS);

            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getName()).startsWith("CircleCI timer #");
            assertThat(CircleCiExecutors.timer().submit(Thread::currentThread).get(10, TimeUnit.SECONDS))
                    .as("one thread").isSameAs(thread);
        } finally {
            release.countDown();
        }
    }

    @Test
    void everyThreadCarriesThePluginsClassLoaderNotThatOfTheThreadThatMadeIt() throws Exception {
        ClassLoader plugin = CircleCiExecutors.class.getClassLoader();
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        // Like a build's CPS VM thread, whose context class loader is its script's.
        try (URLClassLoader script = new URLClassLoader(new URL[0], null)) {
            current.setContextClassLoader(script);
            ExecutorService blocking = CircleCiExecutors.newBlocking("loader-blocking");
            ScheduledExecutorService scheduler = CircleCiExecutors.newScheduler("loader-scheduler");
            ScheduledExecutorService timer = CircleCiExecutors.newTimer("loader-timer");
            try {
                // The first task of each pool makes its thread, here, on a thread with the script's loader.
                assertThat(blocking.submit(() -> Thread.currentThread().getContextClassLoader())
                        .get(10, TimeUnit.SECONDS)).isSameAs(plugin);
                assertThat(scheduler.submit(() -> Thread.currentThread().getContextClassLoader())
                        .get(10, TimeUnit.SECONDS)).isSameAs(plugin);
                assertThat(timer.submit(() -> Thread.currentThread().getContextClassLoader())
                        .get(10, TimeUnit.SECONDS)).isSameAs(plugin);
            } finally {
                CircleCiExecutors.stop(blocking);
                CircleCiExecutors.stop(scheduler);
                CircleCiExecutors.stop(timer);
            }
        } finally {
            current.setContextClassLoader(before);
        }
        assertThat(plugin).as("a loader of its own, not the script's").isNotNull();
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
    void jenkinsGoingDownStopsThemAllAndAStartInTheSameJvmGetsNewOnes() throws Exception {
        ExecutorService blocking = CircleCiExecutors.blocking();
        ScheduledExecutorService scheduler = CircleCiExecutors.scheduler();
        ScheduledExecutorService timer = CircleCiExecutors.timer();
        ScheduledFuture<?> grace = timer.schedule(() -> { }, 1, TimeUnit.HOURS);

        CircleCiExecutors.shutdown();

        assertThat(blocking.isShutdown()).isTrue();
        assertThat(scheduler.isShutdown()).isTrue();
        assertThat(timer.isShutdown()).isTrue();
        assertThat(timer.awaitTermination(10, TimeUnit.SECONDS)).as("a timer due in an hour was dropped").isTrue();
        assertThat(grace.isDone()).isTrue();
        assertThat(CircleCiExecutors.blocking()).isNotSameAs(blocking).matches(e -> !e.isShutdown());
        assertThat(CircleCiExecutors.scheduler()).isNotSameAs(scheduler).matches(e -> !e.isShutdown());
        assertThat(CircleCiExecutors.timer()).isNotSameAs(timer).matches(e -> !e.isShutdown());
    }
}
