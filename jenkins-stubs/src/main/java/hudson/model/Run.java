package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import jenkins.console.WithConsoleUrl;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;

/** Stand-in of Jenkins core's Run (the plugin uses it as a type and through Actionable). */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot, DescriptorByNameOwner, OnMaster,
                StaplerProxy, HistoricalBuild, WithConsoleUrl {}
