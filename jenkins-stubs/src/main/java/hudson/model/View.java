package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;

/** Stand-in of Jenkins core's View, which {@code Jenkins.getStaplerFallback()} returns (members left out). */
public abstract class View extends AbstractModelObject
        implements AccessControlled, Describable<View>, ExtensionPoint, Saveable, ModelObjectWithChildren,
                DescriptorByNameOwner, HasWidgets {
    protected View(String name) {}
}
