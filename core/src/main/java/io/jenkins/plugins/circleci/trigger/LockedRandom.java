package io.jenkins.plugins.circleci.trigger;

import java.util.random.RandomGenerator;

/**
 * One jitter source shared by every wait of a watcher, whose polls run on several scheduler threads: most generators
 * (the seedable ones included) are not thread-safe, so each draw takes this lock. Draws are a few per poll.
 */
final class LockedRandom implements RandomGenerator {
    private final RandomGenerator source;

    LockedRandom(RandomGenerator source) {
        this.source = source;
    }

    @Override
    public synchronized long nextLong() {
        return source.nextLong();
    }

    @Override
    public synchronized double nextDouble() {
        return source.nextDouble();
    }
}
