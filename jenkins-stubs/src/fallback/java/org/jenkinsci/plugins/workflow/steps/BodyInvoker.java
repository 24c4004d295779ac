package org.jenkinsci.plugins.workflow.steps;

/** Stand-in of workflow-step-api's BodyInvoker (the plugin's steps take no body, so no members). */
public abstract class BodyInvoker {}
