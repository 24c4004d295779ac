package jenkins.triggers;

import hudson.model.Item;

/** Stand-in of Jenkins core's TriggeredItem (its {@code getTriggers} is left out). */
public interface TriggeredItem extends Item {}
