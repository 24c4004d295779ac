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
 * <pre>soak/run.sh [--seed N] [--budget 7m] [--waits N]
 * soak/run.sh --only restart --seed N --waits N --slots 1    (replays one run)
 * soak/run.sh --only restart --kinds approve,hold-timeout     (only these kinds of pipeline)</pre>
 */
public final class SoakMain {
    static final String COMMAND = "soak/run.sh";
    static final String MARKDOWN = "reliability.md";
    /** The slots of the long run: enough for polls of different waits to race, few enough for 2 cores. */
    static final int SLOTS = 4;
    /** Real time for the runs; the build before them takes a minute or two more. */
    static final Duration BUDGET = Duration.ofMinutes(6);
    static final int WAITS = 1500;
    /** The share of requests each of the dozen kinds of fault hits: about one request in nine is spoiled. */
    static final double FAULT_RATE = 0.01;
    /** The waits of a run start within this much simulated time: most of them wait at once. */
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** In the restart soak, the share of steps whose controller restarts one to three times. */
    static final double RESTART_SHARE = 0.5;

    private SoakMain() {}

    public static void main(String[] args) throws Exception {
        Path out = null;
        long seed = 1;
        Duration budget = BUDGET;
        int waits = WAITS;
        int slots = SLOTS;
        String only = null;
        double faultRate = FAULT_RATE;
        Duration window = WINDOW;
        double restartShare = RESTART_SHARE;
        boolean slowFaults = true;
        double pace = 1;
        List<String> kinds = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--budget" -> budget = Duration.parse("PT" + value(args, ++i).toUpperCase(java.util.Locale.ROOT));
                case "--waits" -> waits = Integer.parseInt(value(args, ++i));
                case "--slots" -> slots = Integer.parseInt(value(args, ++i));
                case "--only" -> only = value(args, ++i);
                case "--fault-rate" -> faultRate = Double.parseDouble(value(args, ++i));
                case "--restart-share" -> restartShare = Double.parseDouble(value(args, ++i));
                case "--slow-faults" -> slowFaults = Boolean.parseBoolean(value(args, ++i));
                case "--pace" -> pace = Double.parseDouble(value(args, ++i));
                case "--kinds" -> kinds = List.of(value(args, ++i).split(","));
                case "--window" -> window = Duration.parse("PT" + value(args, ++i).toUpperCase(java.util.Locale.ROOT));
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. Usage: SoakMain "
                        + "[--out DIR] [--seed N] [--budget 7m] [--waits N] [--slots N] [--only fault|restart] "
                        + "[--fault-rate P] [--window 15m] [--restart-share P] [--slow-faults true|false] [--pace F] "
                        + "[--kinds approve,hold-timeout,...]");
            }
        }
        Instant started = Instant.now();
        ReliabilityReport.noteStart();
        long realStart = System.nanoTime();
        List<SoakResult> results = new ArrayList<>();
        Duration longest = Duration.ZERO;
        // Fault and restart runs take turns, each with a seed of its own, while the next one fits in the budget.
        for (int run = 0; ; run++) {
            boolean restarts = only == null ? run % 2 == 1 : only.startsWith("restart");
            long runSeed = seed + (only == null ? run / 2 : run);
            SoakSettings settings = restarts
                    ? new SoakSettings("restart soak", runSeed, waits, window, restartShare, faultRate, slowFaults, slots,
                            pace, kinds)
                    : new SoakSettings("fault soak", runSeed, waits, window, 0, faultRate, slowFaults, slots, pace,
                            kinds);
            SoakResult result = new SoakRun(settings).run();
            System.out.print(result.summary());
            System.out.flush();
            results.add(result);
            longest = result.real().compareTo(longest) > 0 ? result.real() : longest;
            Duration spent = Duration.ofNanos(System.nanoTime() - realStart);
            boolean bothKindsRan = only != null || run >= 1;
            if (only != null && run == 0 || bothKindsRan && spent.plus(longest).compareTo(budget) > 0) {
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

    static String replayCommand(SoakSettings s) {
        return COMMAND + " --only " + s.name().substring(0, s.name().indexOf(' ')) + " --seed " + s.seed()
                + " --waits " + s.waits() + " --slots " + s.slots() + " --fault-rate " + s.faultRate() + " --window "
                + s.startWindow().toMinutes() + "m" + (s.restartShare() > 0 ? " --restart-share " + s.restartShare() : "")
                + " --slow-faults " + s.slowFaults() + (s.pace() != 1 ? " --pace " + s.pace() : "")
                + (s.kinds().isEmpty() ? "" : " --kinds " + String.join(",", s.kinds()))
                + (s.slots() > 1 ? " (--slots 1 runs it as a pure function of the seed)" : "");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
