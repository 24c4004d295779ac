package jenkins.triggers;

/** Stand-in of Jenkins core's SCMTriggerItem (members left out). */
public interface SCMTriggerItem {}
