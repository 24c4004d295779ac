package org.jvnet.hudson.reactor;

/** Stand-in of lib-task-reactor's TaskBuilder, only as the type {@code TermMilestone.ordering()} returns. */
public abstract class TaskBuilder {}
