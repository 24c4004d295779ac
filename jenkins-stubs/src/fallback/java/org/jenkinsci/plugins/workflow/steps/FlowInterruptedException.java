package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Result;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.CauseOfInterruption;

/** Stand-in of workflow-step-api's FlowInterruptedException, executable: result, causes, actual-interruption flag. */
public final class FlowInterruptedException extends InterruptedException {
    private static final long serialVersionUID = 1L;

    private final Result result;
    private final List<CauseOfInterruption> causes;
    private final boolean actualInterruption;

    public FlowInterruptedException(Result result, boolean actualInterruption, CauseOfInterruption... causes) {
        this.result = result;
        this.causes = Arrays.asList(causes);
        this.actualInterruption = actualInterruption;
    }

    public Result getResult() {
        return result;
    }

    public List<CauseOfInterruption> getCauses() {
        return causes;
    }

    public boolean isActualInterruption() {
        return actualInterruption;
    }

    @Override
    public String getMessage() {
        return causes.stream().map(CauseOfInterruption::getShortDescription).collect(Collectors.joining(", "));
    }
}
