package org.jvnet.hudson.reactor;

/** Stand-in of lib-task-reactor's Milestone: marks a stage of Jenkins' start-up or shutdown that tasks order by. */
public interface Milestone {}
