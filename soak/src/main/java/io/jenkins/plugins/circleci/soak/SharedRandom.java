package io.jenkins.plugins.circleci.soak;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A seeded generator that several threads may draw from. */
final class SharedRandom implements RandomGenerator {
    private final SplittableRandom random;

    SharedRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized long nextLong() {
        return random.nextLong();
    }
}
