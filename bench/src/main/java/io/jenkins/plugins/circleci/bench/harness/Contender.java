package io.jenkins.plugins.circleci.bench.harness;

import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.util.Objects;

/**
 * One way of waiting that the bench measures: the baseline (a thread per wait polling every 10 s), or our engine with
 * some {@link WatchOptions}, against projects whose history in CircleCI Insights is {@code history}.
 *
 * @param name    how the report names it
 * @param options the engine's options; null for the baseline
 * @param history what Insights knows about the projects' past runs (the baseline never asks)
 */
public record Contender(String name, WatchOptions options, History history) {

    public Contender {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(history, "history");
    }

    public static Contender baseline() {
        return new Contender("baseline", null, History.ABSENT);
    }

    public static Contender engine(String name, WatchOptions options) {
        return engine(name, options, History.ABSENT);
    }

    public static Contender engine(String name, WatchOptions options, History history) {
        return new Contender(name, Objects.requireNonNull(options, "options"), history);
    }

    /** Our engine with its default options, against projects with {@code history}. */
    public static Contender ours(History history) {
        return engine("ours, " + history.label(), WatchOptions.defaults(), history);
    }

    public boolean isBaseline() {
        return options == null;
    }
}
