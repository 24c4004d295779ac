package hudson.init;

import org.jvnet.hudson.reactor.Milestone;

/** Stand-in of Jenkins core's InitMilestone: the start-up milestones, in upstream's order (messages left out). */
public enum InitMilestone implements Milestone {
    STARTED,
    PLUGINS_LISTED,
    PLUGINS_PREPARED,
    PLUGINS_STARTED,
    EXTENSIONS_AUGMENTED,
    SYSTEM_CONFIG_LOADED,
    SYSTEM_CONFIG_ADAPTED,
    JOB_LOADED,
    JOB_CONFIG_ADAPTED,
    COMPLETED
}
