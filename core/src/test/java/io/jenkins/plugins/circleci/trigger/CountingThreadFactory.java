package io.jenkins.plugins.circleci.trigger;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the threads a scheduler creates: many waits must not mean many threads. */
final class CountingThreadFactory implements ThreadFactory {
    private final AtomicInteger created = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new Thread(task, "test-watcher-" + created.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    int created() {
        return created.get();
    }
}
