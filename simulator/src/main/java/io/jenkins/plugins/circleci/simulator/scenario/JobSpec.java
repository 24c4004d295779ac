package io.jenkins.plugins.circleci.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One job of a scripted workflow.
 *
 * @param name      job name
 * @param approval  true for an approval job: it waits {@code on_hold} until approved through the API
 * @param duration  how long a build job runs once its upstream jobs are done (ignored for approvals)
 * @param outcome   the job status it ends with: {@code success}, {@code failed}, {@code infrastructure_fail},
 *                  {@code timedout}, {@code unauthorized}, {@code terminated-unknown}...
 * @param requires  names of upstream jobs; {@code null} means "the previous job in the list" (a simple chain)
 * @param tests     how many test results the job reports (failed jobs report their last one as a failure)
 * @param artifacts how many artifacts the job uploads
 */
public record JobSpec(String name, boolean approval, Duration duration, String outcome, List<String> requires,
                      int tests, int artifacts) {

    public JobSpec {
        Objects.requireNonNull(name, "job name");
        duration = duration == null ? Duration.ZERO : duration;
        outcome = outcome == null ? "success" : outcome;
        requires = requires == null ? null : List.copyOf(requires);
    }

    public static JobSpec build(String name, Duration duration, String outcome) {
        return new JobSpec(name, false, duration, outcome, null, 0, 0);
    }

    public static JobSpec approval(String name) {
        return new JobSpec(name, true, Duration.ZERO, "success", null, 0, 0);
    }

    public JobSpec withRequires(List<String> upstream) {
        return new JobSpec(name, approval, duration, outcome, upstream, tests, artifacts);
    }

    public JobSpec withTests(int count) {
        return new JobSpec(name, approval, duration, outcome, requires, count, artifacts);
    }

    public JobSpec withArtifacts(int count) {
        return new JobSpec(name, approval, duration, outcome, requires, tests, count);
    }

    public JobSpec withOutcome(String newOutcome) {
        return new JobSpec(name, approval, duration, newOutcome, requires, tests, artifacts);
    }
}
