package hudson.model;

import hudson.ExtensionPoint;
import java.util.Collection;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerOverridable;

/** Stand-in of Jenkins core's Job: the members the plugin uses and those its interfaces require. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets {
    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Collection<?> getOverrides() {
        throw new UnsupportedOperationException("stand-in");
    }
}
