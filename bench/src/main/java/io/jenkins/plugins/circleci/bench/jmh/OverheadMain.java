package io.jenkins.plugins.circleci.bench.jmh;

import io.jenkins.plugins.circleci.bench.BenchSizes;
import java.util.Locale;

/**
 * Runs only the client-overhead part of the suite, at the full suite's sizes (about 6 minutes on 2 cores) or, with
 * {@code --rounds N}, fewer or more rounds, and prints its figures: for working on the request path without the
 * rest of the suite. {@code mvn -B -pl bench -am -DskipTests package}, then
 * {@code java -cp <bench's class path> io.jenkins.plugins.circleci.bench.jmh.OverheadMain [--rounds N]}.
 */
public final class OverheadMain {

    private OverheadMain() {}

    public static void main(String[] args) throws Exception {
        BenchSizes sizes = BenchSizes.full();
        int rounds = sizes.jmhRounds();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds") && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. Usage: OverheadMain "
                        + "[--rounds N]");
            }
        }
        OverheadFigures o = ClientOverheadRunner.run(rounds, true, sizes.jmhWarmups(), sizes.jmhIterations(),
                sizes.jmhIterationMillis());
        System.out.println(describe(o));
        System.exit(0);
    }

    static String describe(OverheadFigures o) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "paired, per JVM (ours / bare + tree / bare with our settings, µs):%n"));
        for (PairedOverhead.Figures p : o.paired()) {
            out.append(String.format(Locale.ROOT, "  %.1f / %.1f / %.1f  ratio %.3f, settings %.3f%n", p.client(),
                    p.bareAndJackson(), p.bareOurSettings(), p.ratio(), p.settingsRatio()));
        }
        out.append(String.format(Locale.ROOT, "paired ratio (median of JVMs): %.3f%n", o.ratio()));
        out.append(String.format(Locale.ROOT, "JMH rounds' ratios: %s, median %.3f%n", o.roundRatios(),
                o.jmhRatio()));
        out.append(String.format(Locale.ROOT, "JMH same call in other forks: %s%n", o.sameCallRatios()));
        out.append(String.format(Locale.ROOT, "JMH medians: ours %.1f, bare + tree %.1f, bare %.1f µs%n",
                o.client().median(), o.bareAndJackson().median(), o.bare().median()));
        out.append(String.format(Locale.ROOT, "no network: ours %.2f µs %.0f B, bare + tree %.2f µs %.0f B%n",
                o.pathClient(), o.pathClientBytes(), o.pathBare(), o.pathBareBytes()));
        return out.toString();
    }
}
