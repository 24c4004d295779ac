package org.jenkinsci.plugins.workflow.cps;

import java.util.concurrent.ExecutionException;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;

/** Stand-in of workflow-cps's CpsFlowExecution. */
public class CpsFlowExecution extends FlowExecution {
    private CpsFlowExecution() {}

    public void waitForSuspension() throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException("stand-in");
    }
}
