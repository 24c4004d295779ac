package org.jenkinsci.plugins.workflow.flow;

/** Stand-in of workflow-api's FlowDefinition. */
public abstract class FlowDefinition {}
