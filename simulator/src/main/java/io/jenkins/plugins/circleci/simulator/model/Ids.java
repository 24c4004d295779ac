package io.jenkins.plugins.circleci.simulator.model;

import java.util.Random;
import java.util.UUID;

/** Random version-4 UUIDs and hex strings from one seeded generator, so that a seeded run is reproducible. */
public final class Ids {

    private final Random random;

    public Ids(long seed) {
        this.random = new Random(seed);
    }

    public synchronized UUID uuid() {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** A 40-character commit sha. */
    public synchronized String sha() {
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    public synchronized double nextDouble() {
        return random.nextDouble();
    }

    /** A stable UUID for a name (project ids, organization ids): the same slug always gets the same id. */
    public static UUID stable(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
