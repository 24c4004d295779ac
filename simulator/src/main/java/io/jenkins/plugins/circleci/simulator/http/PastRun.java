package io.jenkins.plugins.circleci.simulator.http;

import io.jenkins.plugins.circleci.simulator.model.Ids;
import io.jenkins.plugins.circleci.simulator.scenario.ProjectHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** One past workflow run of a scenario's history, placed in time from the instant the simulator started. */
record PastRun(UUID id, String workflow, String branch, Instant createdAt, Instant stoppedAt, String status) {

    long seconds() {
        return Duration.between(createdAt, stoppedAt).toSeconds();
    }

    /** Credits are invented (10 per started minute): the spec wants a number, the client reads none. */
    long credits() {
        return (seconds() + 59) / 60 * 10;
    }

    /** Every run of the history, newest first. */
    static List<PastRun> of(String slug, ProjectHistory history, Instant start) {
        List<PastRun> runs = new ArrayList<>();
        int group = 0;
        for (ProjectHistory.WorkflowHistory w : history.workflows()) {
            Instant stopped = start.minus(w.ago());
            for (int i = 0; i < w.durations().size(); i++) {
                UUID id = Ids.stable("run:" + slug + ":" + group + ":" + i);
                runs.add(new PastRun(id, w.workflow(), w.branch(), stopped.minus(w.durations().get(i)), stopped,
                        w.status()));
                stopped = stopped.minus(w.every());
            }
            group++;
        }
        runs.sort(Comparator.comparing(PastRun::createdAt).reversed());
        return List.copyOf(runs);
    }
}
