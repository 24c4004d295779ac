package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.util.Objects;

/**
 * One way of waiting that the bench measures: the baseline (a thread per wait polling every 10 s), or our engine with
 * some {@link WatchOptions}.
 *
 * @param name    how the report names it
 * @param options the engine's options; null for the baseline
 */
public record Contender(String name, WatchOptions options) {

    public Contender {
        Objects.requireNonNull(name, "name");
    }

    public static Contender baseline() {
        return new Contender("baseline", null);
    }

    public static Contender engine(String name, WatchOptions options) {
        return new Contender(name, Objects.requireNonNull(options, "options"));
    }

    public boolean isBaseline() {
        return options == null;
    }
}
