package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/**
 * Stand-in of workflow-step-api's StepExecution, executable: the context and the defaults of stop, onResume, getStatus
 * and blocksRestart.
 */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StepContext context;

    protected StepExecution(StepContext context) {
        this.context = context;
    }

    public StepContext getContext() {
        return context;
    }

    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        getContext().onFailure(cause);
    }

    public void onResume() {}

    public String getStatus() {
        return null;
    }

    public boolean blocksRestart() {
        return false;
    }
}
