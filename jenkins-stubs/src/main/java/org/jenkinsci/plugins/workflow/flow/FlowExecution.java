package org.jenkinsci.plugins.workflow.flow;

/** Stand-in of workflow-api's FlowExecution. */
public abstract class FlowExecution {}
