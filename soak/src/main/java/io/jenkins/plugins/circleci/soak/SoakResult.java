package io.jenkins.plugins.circleci.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one soak run and every problem it found, each with what is needed to replay it. */
record SoakResult(SoakSettings settings, int waits, Map<String, Integer> kinds, Map<String, Integer> endings,
                  int restarts, int restartsDuringTrigger, Map<String, Long> faults, long requests, long webhooks,
                  long unknown, long unknownCreated, long scanned, long approvals, long approvalsRefused,
                  Map<Problem, List<String>> problems, Duration simulated, Duration real, String stopped) {

    /** What must never happen. */
    enum Problem {
        FALSE_OUTCOME("false outcomes"),
        DUPLICATE_TRIGGER("duplicate triggers"),
        DUPLICATE_APPROVAL("duplicate approvals"),
        UNWANTED_APPROVAL("approvals nobody asked for"),
        DID_NOT_END("waits that did not end"),
        SECRET_FOUND("secrets found"),
        UNEXPECTED_ERROR("unexpected errors");

        final String title;

        Problem(String title) {
            this.title = title;
        }
    }

    int count(Problem p) {
        return problems.getOrDefault(p, List.of()).size();
    }

    boolean clean() {
        return problems.values().stream().allMatch(List::isEmpty) && stopped == null;
    }

    long faultTotal() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line per figure, then every problem in full. */
    String summary() {
        StringBuilder b = new StringBuilder();
        b.append(settings.name()).append(" (seed ").append(settings.seed()).append("): ").append(waits)
                .append(" waits, ").append(requests).append(" requests, ").append(faultTotal()).append(" faults, ").append(webhooks)
                .append(" webhooks, ")
                .append(restarts).append(" restarts (").append(restartsDuringTrigger).append(" during the trigger), ")
                .append(approvals).append(" approvals (").append(approvalsRefused).append(" refused), ")
                .append(Texts.duration(simulated)).append(" simulated in ").append(Texts.duration(real)).append('\n');
        b.append("  endings: ").append(endings).append('\n');
        for (Problem p : Problem.values()) {
            b.append("  ").append(p.title).append(": ").append(count(p)).append('\n');
        }
        if (stopped != null) {
            b.append("  STOPPED: ").append(stopped).append('\n');
        }
        for (Problem p : Problem.values()) {
            for (String detail : problems.getOrDefault(p, List.of())) {
                b.append(p.title.toUpperCase(java.util.Locale.ROOT)).append(": ").append(detail).append('\n');
            }
        }
        return b.toString();
    }

    static final class Builder {
        private final SoakSettings settings;
        private final Duration simulated;
        private final Duration real;
        private final String stopped;
        private final Map<String, Integer> kinds = new TreeMap<>();
        private final Map<String, Integer> endings = new TreeMap<>();
        private final Map<Problem, List<String>> problems = new EnumMap<>(Problem.class);
        private int waits;
        private int restarts;
        private int restartsDuringTrigger;
        private Map<String, Long> faults = Map.of();
        private long requests;
        private long webhooks;
        private long unknown;
        private long unknownCreated;
        private long scanned;
        private long approvals;
        private long approvalsRefused;

        Builder(SoakSettings settings, Duration simulated, Duration real, String stopped) {
            this.settings = settings;
            this.simulated = simulated;
            this.real = real;
            this.stopped = stopped;
            for (Problem p : Problem.values()) {
                problems.put(p, new ArrayList<>());
            }
        }

        void wait(String kind, int restartCount) {
            waits++;
            kinds.merge(kind, 1, Integer::sum);
            restarts += restartCount;
        }

        void ending(String ending) {
            endings.merge(ending, 1, Integer::sum);
        }

        void problem(Problem p, String detail) {
            problems.get(p).add(detail);
        }

        void faults(Map<String, Long> byLabel) {
            this.faults = new TreeMap<>(byLabel);
        }

        void requests(long total) {
            this.requests = total;
        }

        void restartsDuringTrigger(int count) {
            this.restartsDuringTrigger = count;
        }

        /** A trigger whose outcome the step reported as unknown; whether it had created its pipeline. */
        void unknown(boolean created) {
            unknown++;
            if (created) {
                unknownCreated++;
            }
        }

        void webhooks(long delivered) {
            this.webhooks = delivered;
        }

        /** Approvals the steps sent that CircleCI carried out, and those it refused. */
        void approvals(long carriedOut, long refused) {
            this.approvals += carriedOut;
            this.approvalsRefused += refused;
        }

        void scanned(long count) {
            this.scanned = count;
        }

        SoakResult build() {
            return new SoakResult(settings, waits, kinds, endings, restarts, restartsDuringTrigger, faults, requests,
                    webhooks, unknown, unknownCreated, scanned, approvals, approvalsRefused, problems, simulated, real, stopped);
        }
    }
}
