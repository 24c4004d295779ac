package io.jenkins.plugins.circleci.steps;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.RateLimit;
import io.jenkins.plugins.circleci.api.RequestBudget;
import io.jenkins.plugins.circleci.config.ServerSettings;
import io.jenkins.plugins.circleci.simulator.ManualClock;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The steps' surroundings in a test: a small scheduler of its own, a watcher on it, the simulator's manual clock, and
 * one Secret text credential ({@link #CREDENTIALS_ID} holding {@link #TOKEN}). Polls come quickly in real time while
 * the test moves the simulated clock on; see {@link #awaitResult}.
 */
final class SimulatedEnvironment extends StepEnvironment implements AutoCloseable {
    static final String CREDENTIALS_ID = "circleci-token";
    static final String TOKEN = "CCIPAT_s3cr3t-token-never-shown";

    /** Pools made like the plugin's own, so that the test stops them the way Jenkins does. */
    private final ScheduledExecutorService scheduler = CircleCiExecutors.newScheduler("simulated-scheduler");
    private final ExecutorService blocking = CircleCiExecutors.newBlocking("simulated-blocking");
    private final ScheduledExecutorService timer = CircleCiExecutors.newTimer("simulated-timer");
    /** The threads clients were built on: the blocking work (credentials, trigger) runs right after. */
    private final List<String> clientThreads = new CopyOnWriteArrayList<>();
    private final ManualClock clock;
    private final PipelineWatcher watcher;
    private final ServerSettings settings;
    private final AutoCloseable installed;
    private volatile Duration abortGrace = CircleCiWaitRunner.ABORT_GRACE;
    private volatile Duration buildCheckInterval = CircleCiWaitRunner.BUILD_CHECK_INTERVAL;
    /** Whether the (simulated) build has ended, as after Jenkins' "forcibly terminate" or "kill". */
    private volatile boolean buildEnded;
    /** Links to URLs containing this text throw, like a console that cannot write them; null: none do. */
    private volatile String brokenLinks;

    /** A {@code circleciTrigger} step for {@code project} with the simulated credentials. */
    static CircleCiTriggerStep trigger(String project) {
        CircleCiTriggerStep step = new CircleCiTriggerStep(project);
        step.setCredentialsId(CREDENTIALS_ID);
        return step;
    }

    SimulatedEnvironment(String serverUrl, ManualClock clock, String defaultCredentialsId) {
        this.clock = clock;
        this.watcher = new PipelineWatcher(scheduler, clock);
        this.settings = new ServerSettings(serverUrl, defaultCredentialsId, Duration.ofMillis(5),
                Duration.ofMillis(20), new RateLimit(10_000, 10_000));
        this.installed = StepEnvironment.use(this);
    }

    @Override
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    ExecutorService blocking() {
        return blocking;
    }

    @Override
    ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    Duration abortGrace() {
        return abortGrace;
    }

    @Override
    Duration buildCheckInterval() {
        return buildCheckInterval;
    }

    void buildCheckInterval(Duration interval) {
        buildCheckInterval = interval;
    }

    /** The tests have no Run: whether the build ended is what {@link #endBuild()} said. */
    @Override
    boolean buildEnded(Run<?, ?> run) {
        return buildEnded;
    }

    /** The build ends, as it does after Jenkins' "forcibly terminate" (or "kill"). */
    void endBuild() {
        buildEnded = true;
    }

    /** From now on, links to URLs containing {@code fragment} throw (a report part that fails). */
    void breakLinksTo(String fragment) {
        brokenLinks = fragment;
    }

    void abortGrace(Duration grace) {
        abortGrace = grace;
    }

    /**
     * Keeps every thread of the blocking executor busy until the returned latch is counted down, so that a step's
     * start waits in its queue the way it does behind other builds' triggers.
     */
    CountDownLatch occupyBlockingThreads() throws InterruptedException {
        return occupy(blocking, CircleCiExecutors.BLOCKING_THREADS, "the blocking threads");
    }

    /**
     * Keeps both threads of the watcher's scheduler busy until the returned latch is counted down, as polls that hang
     * on a slow CircleCI do: a poll or an abort due meanwhile waits in its queue.
     */
    CountDownLatch occupySchedulerThreads() throws InterruptedException {
        return occupy(scheduler, CircleCiExecutors.SCHEDULER_THREADS, "the scheduler's threads");
    }

    /** Holds {@code threads} tasks on {@code executor} until the returned latch is counted down. */
    private static CountDownLatch occupy(java.util.concurrent.Executor executor, int threads, String what)
            throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            executor.execute(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        if (!busy.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError(what + " never all started");
        }
        return release;
    }

    /**
     * Moves the simulated clock on until work waits in the blocking executor's queue (behind
     * {@link #occupyBlockingThreads}): a step's report, queued once its outcome is known.
     */
    void awaitQueuedBlockingWork(TestStepContext context) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (((ThreadPoolExecutor) blocking).getQueue().isEmpty()) {
            if (System.nanoTime() > giveUp || context.result().isDone()) {
                throw new AssertionError("nothing was queued for the blocking threads; the log:\n" + context.log());
            }
            clock.advance(Duration.ofSeconds(10));
            Thread.sleep(5);
        }
    }

    /**
     * Returns once everything queued for the blocking threads before this call has run: one task per thread, each
     * waiting for the others, can only all run once every thread has finished what it took before them.
     */
    void drainBlocking() throws Exception {
        CyclicBarrier all = new CyclicBarrier(CircleCiExecutors.BLOCKING_THREADS);
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < CircleCiExecutors.BLOCKING_THREADS; i++) {
            tasks.add(blocking.submit(() -> all.await(20, TimeUnit.SECONDS)));
        }
        for (Future<?> task : tasks) {
            task.get(30, TimeUnit.SECONDS);
        }
    }

    List<String> clientThreads() {
        return clientThreads;
    }

    @Override
    PipelineWatcher watcher() {
        return watcher;
    }

    @Override
    Clock clock() {
        return clock;
    }

    @Override
    ServerSettings settings() {
        return settings;
    }

    @Override
    String token(Run<?, ?> run, String credentialsId, String serverUrl) throws AbortException {
        if (!CREDENTIALS_ID.equals(credentialsId)) {
            throw new AbortException("No Secret text credentials with ID '" + credentialsId + "' are visible to "
                    + "this build for " + serverUrl + ".");
        }
        return TOKEN;
    }

    @Override
    CircleCiClient client(String serverUrl, String token, ServerSettings s) {
        clientThreads.add(Thread.currentThread().getName());
        return CircleCiClient.builder()
                .baseUrl(serverUrl)
                .token(token)
                .clock(clock)
                .budget(RequestBudget.create(s.rateLimit(), clock))
                .build();
    }

    /**
     * Like Jenkins' {@code HyperlinkNote.encodeTo}, which throws a NullPointerException for a null text (the steps
     * pass the URL as the text too); a null URL is refused too, since Jenkins would fail on it when showing the log.
     */
    @Override
    String link(String url, String text) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
        String broken = brokenLinks;
        if (broken != null && url.contains(broken)) {
            throw new IllegalStateException("this console cannot show a link to " + url);
        }
        return "<a href=\"" + url + "\">" + text + "</a>";
    }

    /** Moves the simulated clock on until the step succeeds; fails the test otherwise. */
    Object awaitSuccess(TestStepContext context) throws InterruptedException {
        awaitDone(context);
        if (context.result().isCompletedExceptionally()) {
            throw new AssertionError("the step failed; its log:\n" + context.log(), failureOf(context));
        }
        return context.result().join();
    }

    /** Moves the simulated clock on until the step fails, and returns what it failed with. */
    Throwable awaitFailure(TestStepContext context) throws InterruptedException {
        awaitDone(context);
        Throwable failure = failureOf(context);
        if (failure == null) {
            throw new AssertionError("the step succeeded with " + context.result().join() + "; its log:\n"
                    + context.log());
        }
        return failure;
    }

    private void awaitDone(TestStepContext context) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!context.result().isDone()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the step did not finish; its log:\n" + context.log());
            }
            // Ten simulated seconds per tick: the polls (every 5 to 20 ms of real time) see every state, and a
            // two-hour job ends within the test's patience.
            clock.advance(Duration.ofSeconds(10));
            Thread.sleep(5);
        }
    }

    private static Throwable failureOf(TestStepContext context) {
        try {
            context.result().join();
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }

    /** Moves the simulated clock on until the log shows {@code text} (at most 20 s of real time). */
    void awaitLog(TestStepContext context, String text) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!context.log().contains(text)) {
            if (System.nanoTime() > giveUp || context.result().isDone()) {
                throw new AssertionError("the log never showed '" + text + "':\n" + context.log());
            }
            clock.advance(Duration.ofMillis(200));
            Thread.sleep(5);
        }
    }

    /** Like a controller going down: its scheduler stops, and with it every poll of this watcher. */
    @Override
    public void close() throws Exception {
        CircleCiExecutors.stop(scheduler);
        CircleCiExecutors.stop(blocking);
        CircleCiExecutors.stop(timer);
        installed.close();
    }
}
