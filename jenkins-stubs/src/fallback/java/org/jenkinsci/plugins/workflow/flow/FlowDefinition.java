package org.jenkinsci.plugins.workflow.flow;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Stand-in of workflow-api's FlowDefinition (members left out). */
@SuppressWarnings("deprecation") // upstream still extends the deprecated AbstractDescribableImpl
public abstract class FlowDefinition extends AbstractDescribableImpl<FlowDefinition> implements ExtensionPoint {}
