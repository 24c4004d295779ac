package hudson.init;

/** Stand-in of Jenkins core's TermMilestone: the stages of a shutdown that a {@link Terminator} can order itself by. */
public enum TermMilestone {
    STARTED,
    COMPLETED
}
