package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stand-in of Jenkins core's GlobalConfiguration. */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {}

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        return this;
    }
}
