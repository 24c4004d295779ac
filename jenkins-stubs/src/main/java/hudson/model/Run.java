package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.IOException;
import jenkins.console.WithConsoleUrl;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;

/**
 * Stand-in of Jenkins core's Run: the plugin uses it as a type and through Actionable; the members here are those its
 * interfaces require.
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot, DescriptorByNameOwner, OnMaster,
                StaplerProxy, HistoricalBuild, WithConsoleUrl {
    @Override
    public int compareTo(RunT that) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Upstream overrides HistoricalBuild's (whose stand-in leaves its members out); WorkflowRun overrides it again. */
    public boolean isBuilding() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getUrl() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException("stand-in");
    }
}
