package io.jenkins.plugins.circleci.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The long run: fault soaks and restart soaks, seed after seed, until the time budget is spent; then
 * {@code reliability.md}. Exits 1 if any run found a problem (after writing the report and printing every case).
 *
 * <pre>soak/run.sh [--seed N] [--budget 8m] [--waits N]
 * soak/run.sh --only restart --seed N --waits N --slots 1    (replays one run)</pre>
 */
public final class SoakMain {
    static final String COMMAND = "soak/run.sh";
    static final String MARKDOWN = "reliability.md";
    /** The slots of the long run: enough for polls of different waits to race, few enough for 2 cores. */
    static final int SLOTS = 4;
    /** The share of requests each of the dozen kinds of fault hits: about one request in nine is spoiled. */
    static final double FAULT_RATE = 0.01;

    private SoakMain() {}

    public static void main(String[] args) throws Exception {
        Path out = null;
        long seed = 1;
        Duration budget = Duration.ofMinutes(8);
        int waits = 2000;
        int slots = SLOTS;
        String only = null;
        double faultRate = FAULT_RATE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--budget" -> budget = Duration.parse("PT" + value(args, ++i).toUpperCase(java.util.Locale.ROOT));
                case "--waits" -> waits = Integer.parseInt(value(args, ++i));
                case "--slots" -> slots = Integer.parseInt(value(args, ++i));
                case "--only" -> only = value(args, ++i);
                case "--fault-rate" -> faultRate = Double.parseDouble(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. Usage: SoakMain "
                        + "[--out DIR] [--seed N] [--budget 8m] [--waits N] [--slots N] [--only fault|restart] [--fault-rate P]");
            }
        }
        Instant started = Instant.now();
        long realStart = System.nanoTime();
        List<SoakResult> results = new ArrayList<>();
        for (long s = seed; ; s++) {
            for (SoakSettings settings : List.of(fault(s, waits, slots, faultRate), restart(s, waits, slots, faultRate))) {
                if (only != null && !settings.name().startsWith(only)) {
                    continue;
                }
                SoakResult result = new SoakRun(settings).run();
                System.out.print(result.summary());
                System.out.flush();
                results.add(result);
            }
            Duration spent = Duration.ofNanos(System.nanoTime() - realStart);
            Duration perRound = spent.dividedBy(s - seed + 1);
            if (only != null || spent.plus(perRound).compareTo(budget) > 0) {
                break;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - realStart);
        if (out != null && only == null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve(MARKDOWN), ReliabilityReport.markdown(results, started, took));
            System.out.println("[soak] wrote " + out.resolve(MARKDOWN));
        }
        boolean clean = results.stream().allMatch(SoakResult::clean);
        System.out.println(clean ? "[soak] nothing lost" : "[soak] PROBLEMS FOUND: see above");
        System.exit(clean ? 0 : 1);
    }

    /** Faults at seeded random, no restarts. */
    static SoakSettings fault(long seed, int waits, int slots, double faultRate) {
        return new SoakSettings("fault soak", seed, waits, Duration.ofMinutes(60), 0, faultRate, true, slots);
    }

    /** The same faults, and half of the steps restarted one to three times. */
    static SoakSettings restart(long seed, int waits, int slots, double faultRate) {
        return new SoakSettings("restart soak", seed, waits, Duration.ofMinutes(60), 0.5, faultRate, true, slots);
    }

    static String replayCommand(SoakSettings s) {
        return COMMAND + " --only " + s.name().substring(0, s.name().indexOf(' ')) + " --seed " + s.seed()
                + " --waits " + s.waits() + " --slots " + s.slots() + " --fault-rate " + s.faultRate()
                + (s.slots() > 1 ? " (--slots 1 runs it as a pure function of the seed)" : "");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
