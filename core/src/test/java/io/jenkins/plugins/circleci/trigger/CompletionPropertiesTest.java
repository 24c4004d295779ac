package io.jenkins.plugins.circleci.trigger;

import static io.jenkins.plugins.circleci.trigger.Fixtures.PIPELINE_ID;
import static io.jenkins.plugins.circleci.trigger.Fixtures.SLUG;
import static io.jenkins.plugins.circleci.trigger.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.circleci.api.model.Workflow;
import io.jenkins.plugins.circleci.api.model.WorkflowStatus;
import io.jenkins.plugins.circleci.trigger.Assessment.Done;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated cases for the completion rules: pipelines whose workflows pass through any of the states CircleCI (and the
 * simulator) can show, rerun themselves, or continue a setup workflow, seen by polls that catch any subset of their
 * moments in order.
 *
 * <ul>
 *   <li>the outcome is never SUCCESS while a counted workflow is not {@code success} (or, under {@code onHold:
 *       succeed}, on hold);</li>
 *   <li>the wait ends, at the latest at the poll that sees every counted workflow final with nothing more due;</li>
 *   <li>the outcome is a function of the final states, not of which moments the polls saw: the same as a single
 *       look at the end gives, and the worst mapped status of the latest run of each counted workflow.</li>
 * </ul>
 */
class CompletionPropertiesTest {
    private static final List<String> IN_PROGRESS = List.of("queued", "running", "failing", "on_hold",
            "an_unknown_running_status");
    private static final List<String> FINAL = List.of("success", "success", "failed", "error", "canceled",
            "unauthorized", "not_run", "an_unknown_final_status");

    /** One run of a workflow: the statuses it is seen in before its final one. */
    record RunSpec(List<String> passesThrough, String finalStatus) {}

    /** A workflow and its automatic reruns: every run but the last failed. */
    record LineSpec(int maxAutoReruns, List<RunSpec> runs) {}

    /** A pipeline: optionally a setup workflow the others continue, and the order in which things happen. */
    record PipelineSpec(boolean setup, List<LineSpec> lines, long order, List<String> filter) {}

    @Property(tries = 1000)
    void neverSuccessWhileACountedWorkflowIsNotSuccess(@ForAll("pipelines") PipelineSpec pipeline,
            @ForAll("policies") OnHoldPolicy onHold, @ForAll("mappings") ResultMapping mapping,
            @ForAll Random polls) {
        WatchOptions options = options(pipeline, onHold, mapping);
        Run run = poll(pipeline, options, polls);
        for (int i = 0; i < run.verdicts.size(); i++) {
            Assessment verdict = run.verdicts.get(i);
            if (verdict instanceof Done done && done.result() == BuildResult.SUCCESS) {
                for (Workflow w : counted(run.looks.get(i), options)) {
                    boolean heldAndSucceeding = w.status().equals(WorkflowStatus.ON_HOLD)
                            && onHold == OnHoldPolicy.SUCCEED && done.reason() == OutcomeReason.ON_HOLD;
                    assertThat(mapping.map(w.status().value()) == BuildResult.SUCCESS || heldAndSucceeding)
                            .as("SUCCESS with %s %s in %s", w.name(), w.status(), run.looks.get(i).workflows())
                            .isTrue();
                }
            }
        }
    }

    @Property(tries = 1000)
    void theWaitEndsOnceEveryCountedWorkflowIsFinalAndTheOutcomeDependsOnlyOnTheFinalStates(
            @ForAll("pipelines") PipelineSpec pipeline, @ForAll("mappings") ResultMapping mapping,
            @ForAll Random polls) {
        // Under onHold: wait a hold is a state like running; under fail or succeed, seeing one ends the wait.
        WatchOptions options = options(pipeline, OnHoldPolicy.WAIT, mapping);
        Run run = poll(pipeline, options, polls);
        Assessment last = run.verdicts.get(run.verdicts.size() - 1);
        assertThat(last).as("the verdict after the polls saw %s", run.looks).isInstanceOf(Done.class);
        Done done = (Done) last;

        Observation end = run.looks.get(run.looks.size() - 1);
        Done oneLook = (Done) CompletionRule.assess(end, freshState(), options, T0, links());
        assertThat(List.of(done.result(), done.reason())).as("the same as one look at the end")
                .isEqualTo(List.of(oneLook.result(), oneLook.reason()));
        assertThat(done.workflows()).isEqualTo(oneLook.workflows());

        BuildResult worst = BuildResult.SUCCESS;
        Map<String, String> latest = new LinkedHashMap<>();
        for (Workflow w : counted(end, options)) {
            worst = BuildResult.worst(worst, mapping.map(w.status().value()));
            latest.put(w.name(), w.status().value());
        }
        assertThat(done.reason()).isEqualTo(OutcomeReason.COMPLETED);
        assertThat(done.result()).as("the worst of %s", latest).isEqualTo(worst);
        Map<String, String> reported = new LinkedHashMap<>();
        done.workflows().forEach(w -> reported.put(w.name(), w.status()));
        assertThat(reported).isEqualTo(latest);
    }

    @Property(tries = 1000)
    void theUnstablePolicyEndsAtTheFirstLookThatSeesACountedHoldAsUnstableOrWorse(
            @ForAll("pipelines") PipelineSpec pipeline, @ForAll("mappings") ResultMapping mapping,
            @ForAll Random polls) {
        WatchOptions options = options(pipeline, OnHoldPolicy.UNSTABLE, mapping);
        Run run = poll(pipeline, options, polls);
        for (int i = 0; i < run.verdicts.size(); i++) {
            Observation look = run.looks.get(i);
            List<Workflow> counted = counted(look, options);
            boolean held = counted.stream().anyMatch(w -> w.status().equals(WorkflowStatus.ON_HOLD));
            boolean setupAlone = look.workflows().stream().allMatch(w -> "setup".equals(w.tag()));
            if (!held || setupAlone) {
                continue;
            }
            Assessment verdict = run.verdicts.get(i);
            assertThat(verdict).as("a counted hold in %s", look.workflows()).isInstanceOf(Done.class);
            Done done = (Done) verdict;
            assertThat(done.reason()).isEqualTo(OutcomeReason.ON_HOLD);
            assertThat(BuildResult.worst(BuildResult.UNSTABLE, done.result())).as("UNSTABLE or worse")
                    .isEqualTo(done.result());
            boolean anyEnded = counted.stream().anyMatch(w -> FINAL.contains(w.status().value()));
            if (!anyEnded) {
                assertThat(done.result()).as("nothing had ended: %s", look.workflows())
                        .isEqualTo(BuildResult.UNSTABLE);
            }
            assertThat(i).as("the first look that saw the hold ends the wait").isEqualTo(run.verdicts.size() - 1);
        }
    }

    @Property(tries = 1000)
    void aHoldTimesOutOnlyOnceTheLooksHaveSeenItHeldForTheHoldTimeout(@ForAll("pipelines") PipelineSpec pipeline,
            @ForAll Random polls) {
        java.time.Duration holdTimeout = java.time.Duration.ofSeconds(1 + polls.nextInt(12));
        WatchOptions options = WatchOptions.builder().workflows(pipeline.filter()).onHold(OnHoldPolicy.WAIT)
                .holdTimeout(holdTimeout).build();
        List<Observation> moments = moments(pipeline);
        WatchState state = freshState();
        Instant now = T0;
        Map<String, Instant> heldSince = new LinkedHashMap<>();
        for (int i = 0; i < moments.size(); i++) {
            if (i < moments.size() - 1 && polls.nextBoolean()) {
                continue;
            }
            now = now.plusSeconds(1 + polls.nextInt(5));
            Observation look = moments.get(i);
            Map<String, Instant> stillHeld = new LinkedHashMap<>();
            for (Workflow w : counted(look, options)) {
                if (w.status().equals(WorkflowStatus.ON_HOLD)) {
                    stillHeld.put(w.id(), heldSince.getOrDefault(w.id(), now));
                }
            }
            heldSince = stillHeld; // a hold's timer runs from the first look that saw it while looks keep seeing it
            Assessment a = CompletionRule.assess(look, state, options, now, links());
            Instant at = now;
            boolean expired = heldSince.values().stream().anyMatch(since -> !at.isBefore(since.plus(holdTimeout)));
            boolean timedOut = a instanceof Done d && d.reason() == OutcomeReason.HOLD_TIMED_OUT;
            boolean setupAlone = look.workflows().stream().allMatch(w -> "setup".equals(w.tag()));
            if (!setupAlone) {
                assertThat(timedOut).as("held since %s, now %s, hold timeout %s: %s", heldSince, now, holdTimeout, a)
                        .isEqualTo(expired);
            }
            if (timedOut) {
                assertThat(BuildResult.worst(BuildResult.FAILURE, ((Done) a).result())).isEqualTo(((Done) a).result());
            }
            state = state.withProgress(Map.of(), a.graceStarts(), Set.of());
            if (a instanceof Done) {
                break;
            }
        }
    }

    @Property(tries = 200)
    void aSetupWorkflowThatDidNotSucceedEndsTheWaitWithoutSuccess(@ForAll("finalStatuses") String status,
            @ForAll("mappings") ResultMapping mapping) {
        Workflow setup = new Workflow("setup-r0", "setup", WorkflowStatus.of(status), T0, T0.plusSeconds(30),
                PIPELINE_ID, 42, SLUG, "user", null, null, "setup", null, null);
        Assessment a = CompletionRule.assess(new Observation("created", List.of(), List.of(setup)), freshState(),
                WatchOptions.builder().resultMapping(mapping).build(), T0.plusSeconds(40), links());
        if (status.equals("success")) {
            assertThat(a).as("a continuation may still come").isInstanceOf(Assessment.Waiting.class);
        } else {
            assertThat(a).isInstanceOf(Done.class);
            assertThat(((Done) a).result()).isNotEqualTo(BuildResult.SUCCESS).isNotEqualTo(BuildResult.UNSTABLE);
        }
    }

    // ---- the polls

    /** What the polls saw and what the rules said each time, in order, until the rules said done. */
    private record Run(List<Observation> looks, List<Assessment> verdicts) {}

    private static Run poll(PipelineSpec pipeline, WatchOptions options, Random polls) {
        List<Observation> moments = moments(pipeline);
        List<Observation> looks = new ArrayList<>();
        List<Assessment> verdicts = new ArrayList<>();
        WatchState state = freshState();
        Instant now = T0;
        for (int i = 0; i < moments.size(); i++) {
            boolean lastMoment = i == moments.size() - 1;
            if (!lastMoment && polls.nextBoolean()) {
                continue; // this moment passes unseen
            }
            now = now.plusSeconds(1 + polls.nextInt(5)); // well within every grace period
            Assessment a = CompletionRule.assess(moments.get(i), state, options, now, links());
            looks.add(moments.get(i));
            verdicts.add(a);
            state = state.withProgress(Map.of(), a.graceStarts(), Set.of());
            if (a instanceof Done) {
                break;
            }
        }
        return new Run(looks, verdicts);
    }

    /**
     * Every moment of the pipeline, as a sequence of looks: one thing changes between two of them (a run moves on, a
     * rerun appears, the continuation appears). Runs of different workflows move in the order {@code order} draws.
     */
    static List<Observation> moments(PipelineSpec pipeline) {
        Random order = new Random(pipeline.order());
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < pipeline.lines().size(); i++) {
            lines.add(new Line("wf" + (i + 1), pipeline.lines().get(i), !pipeline.setup()));
        }
        Line setup = pipeline.setup() ? new Line("setup", new LineSpec(0, List.of(new RunSpec(List.of("running"),
                "success"))), true) : null;
        List<Observation> moments = new ArrayList<>();
        int tick = 0;
        moments.add(look(setup, lines, tick));
        while (true) {
            List<Line> movable = new ArrayList<>();
            if (setup != null && setup.canMove()) {
                movable.add(setup);
            }
            lines.stream().filter(Line::canMove).forEach(movable::add);
            boolean continuationDue = setup != null && !setup.canMove() && lines.stream().noneMatch(l -> l.visible);
            if (movable.isEmpty() && !continuationDue) {
                return moments;
            }
            tick++;
            if (continuationDue && (movable.isEmpty() || order.nextBoolean())) {
                for (Line l : lines) {
                    l.appear(tick);
                }
            } else {
                movable.get(order.nextInt(movable.size())).move(tick);
            }
            moments.add(look(setup, lines, tick));
        }
    }

    private static Observation look(Line setup, List<Line> lines, int tick) {
        List<Workflow> workflows = new ArrayList<>();
        if (setup != null) {
            workflows.addAll(setup.workflows(true));
        }
        lines.forEach(l -> workflows.addAll(l.workflows(false)));
        return new Observation("created", List.of(), workflows);
    }

    /** A workflow's runs as they unfold. */
    private static final class Line {
        final String name;
        final LineSpec spec;
        boolean visible;
        int run;
        int position;
        final List<Instant> created = new ArrayList<>();
        final List<Instant> stopped = new ArrayList<>();

        Line(String name, LineSpec spec, boolean visibleAtOnce) {
            this.name = name;
            this.spec = spec;
            if (visibleAtOnce) {
                appear(0);
            }
        }

        void appear(int tick) {
            visible = true;
            created.add(T0.plusSeconds(tick));
            stopped.add(null);
            settleIfFinal(tick);
        }

        RunSpec current() {
            return spec.runs().get(run);
        }

        boolean finalNow() {
            return position >= current().passesThrough().size();
        }

        boolean canMove() {
            return visible && (!finalNow() || run < spec.runs().size() - 1);
        }

        void move(int tick) {
            if (!finalNow()) {
                position++;
                settleIfFinal(tick);
            } else {
                run++; // the automatic rerun appears
                position = 0;
                created.add(T0.plusSeconds(tick));
                stopped.add(null);
                settleIfFinal(tick);
            }
        }

        private void settleIfFinal(int tick) {
            if (finalNow()) {
                stopped.set(run, T0.plusSeconds(tick));
            }
        }

        List<Workflow> workflows(boolean setup) {
            if (!visible) {
                return List.of();
            }
            List<Workflow> out = new ArrayList<>();
            for (int r = 0; r <= run; r++) {
                RunSpec spec = this.spec.runs().get(r);
                boolean settled = r < run || finalNow();
                String status = settled ? spec.finalStatus() : spec.passesThrough().get(position);
                Integer max = this.spec.maxAutoReruns() > 0 ? this.spec.maxAutoReruns() : null;
                out.add(new Workflow(name + "-r" + r, name, WorkflowStatus.of(status), created.get(r),
                        settled ? stopped.get(r) : null, PIPELINE_ID, 42, SLUG, "user", null, null,
                        setup ? "setup" : null, r > 0 ? r : null, max));
            }
            return out;
        }
    }

    // ---- generators

    @Provide
    Arbitrary<PipelineSpec> pipelines() {
        Arbitrary<List<LineSpec>> lines = line().list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(Arbitraries.of(true, false), lines, Arbitraries.longs(),
                Arbitraries.integers().between(0, 3)).flatAs((setup, ls, order, filterSize) -> {
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= ls.size(); i++) {
                        names.add("wf" + i);
                    }
                    // A filter names workflows that exist (one naming an absent workflow waits out its grace).
                    return Arbitraries.subsetOf(names).map(subset -> filterSize == 0 ? List.<String>of()
                            : List.copyOf(subset)).map(filter -> new PipelineSpec(setup, ls, order, filter));
                });
    }

    private Arbitrary<LineSpec> line() {
        return Arbitraries.integers().between(0, 3).flatMap(max -> Arbitraries.integers().between(0, max)
                .flatMap(reruns -> {
                    Arbitrary<RunSpec> failedRun = run(Arbitraries.just("failed"));
                    Arbitrary<String> lastFinal = reruns < max
                            ? Arbitraries.of(FINAL).filter(s -> !s.equals("failed")) : Arbitraries.of(FINAL);
                    return failedRun.list().ofSize(reruns).flatMap(failures -> run(lastFinal).map(last -> {
                        List<RunSpec> runs = new ArrayList<>(failures);
                        runs.add(last);
                        return new LineSpec(max, runs);
                    }));
                }));
    }

    private Arbitrary<RunSpec> run(Arbitrary<String> finalStatus) {
        return Combinators.combine(Arbitraries.of(IN_PROGRESS).list().ofMaxSize(4), finalStatus).as(RunSpec::new);
    }

    @Provide
    Arbitrary<OnHoldPolicy> policies() {
        return Arbitraries.of(OnHoldPolicy.class);
    }

    @Provide
    Arbitrary<String> finalStatuses() {
        return Arbitraries.of(FINAL);
    }

    /** The defaults, or the defaults with a few final statuses mapped to any result (success included). */
    @Provide
    Arbitrary<ResultMapping> mappings() {
        Arbitrary<Map<String, BuildResult>> overrides = Arbitraries.maps(Arbitraries.of(FINAL),
                Arbitraries.of(BuildResult.class)).ofMaxSize(3);
        return overrides.map(m -> {
            ResultMapping r = ResultMapping.defaults();
            for (Map.Entry<String, BuildResult> e : m.entrySet()) {
                r = r.with(e.getKey(), e.getValue());
            }
            return r;
        });
    }

    // ---- helpers

    private static WatchOptions options(PipelineSpec pipeline, OnHoldPolicy onHold, ResultMapping mapping) {
        return WatchOptions.builder().workflows(pipeline.filter()).onHold(onHold).resultMapping(mapping).build();
    }

    /** The latest run of each counted workflow in a look. */
    private static List<Workflow> counted(Observation look, WatchOptions options) {
        return CompletionRule.latestByName(look.workflows()).values().stream()
                .filter(w -> options.counts(w.name())).toList();
    }

    private static WatchState freshState() {
        return WatchState.forTriggered(new PipelineSummary(PIPELINE_ID, 42, SLUG, "created", null), T0,
                WatchOptions.defaults());
    }

    private static Links links() {
        return Links.of(Fixtures.URLS, freshState());
    }
}
