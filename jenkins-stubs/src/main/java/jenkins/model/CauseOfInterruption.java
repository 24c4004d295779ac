package jenkins.model;

import hudson.model.TaskListener;
import java.io.Serializable;

/** Stand-in of Jenkins core's CauseOfInterruption. */
public abstract class CauseOfInterruption implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract String getShortDescription();

    public void print(TaskListener listener) {
        listener.getLogger().println(getShortDescription());
    }
}
