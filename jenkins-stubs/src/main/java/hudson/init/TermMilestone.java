package hudson.init;

import org.jvnet.hudson.reactor.Milestone;
import org.jvnet.hudson.reactor.TaskBuilder;

/** Stand-in of Jenkins core's TermMilestone: the stages of a shutdown that a {@link Terminator} can order itself by. */
public enum TermMilestone implements Milestone {
    STARTED("Started termination"),
    COMPLETED("Completed termination");

    private final String message;

    TermMilestone(String message) {
        this.message = message;
    }

    /** Upstream: the tasks that make the milestones follow one another. */
    public static TaskBuilder ordering() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String toString() {
        return message;
    }
}
