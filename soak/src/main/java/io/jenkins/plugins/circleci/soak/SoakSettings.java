package io.jenkins.plugins.circleci.soak;

import java.time.Duration;

/**
 * One soak run.
 *
 * @param name          "fault soak" or "restart soak", for the report
 * @param seed          draws the waits, the restarts and the simulator's faults and ids
 * @param waits         how many trigger-and-waits
 * @param startWindow   the waits start at seeded random within this much simulated time, so most run at once
 * @param restartShare  the share of waits whose controller restarts (1 to 3 times) while they run
 * @param faultRate     the share of requests each kind of fault hits (see {@link FaultMix})
 * @param slowFaults    whether to include slow answers past the client's read timeout (they cost real time)
 * @param slots         tasks run at once (1 makes the run a pure function of the seed)
 * @param pace          how long the pipelines' jobs, delays and approvals take, relative to the long run's (a short
 *                      soak uses shorter pipelines: fewer polls per wait, the same kinds of case)
 * @param kinds         the kinds of pipeline to draw from (see {@link Plans}); empty: all of them
 */
record SoakSettings(String name, long seed, int waits, Duration startWindow, double restartShare, double faultRate,
                    boolean slowFaults, int slots, double pace, java.util.List<String> kinds) {

    SoakSettings {
        kinds = java.util.List.copyOf(kinds);
    }

    /** Every kind of pipeline. */
    SoakSettings(String name, long seed, int waits, Duration startWindow, double restartShare, double faultRate,
            boolean slowFaults, int slots, double pace) {
        this(name, seed, waits, startWindow, restartShare, faultRate, slowFaults, slots, pace, java.util.List.of());
    }

    /**
     * The client's read timeout in real time; a slow answer takes a quarter as long again. Long enough that a loaded
     * machine does not time a normal answer out (it would only end a trigger as "unknown", or retry a read).
     */
    static final Duration READ_TIMEOUT = Duration.ofMillis(2000);

}
