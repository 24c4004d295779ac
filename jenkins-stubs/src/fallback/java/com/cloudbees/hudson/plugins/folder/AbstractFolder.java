package com.cloudbees.hudson.plugins.folder;

import hudson.model.AbstractItem;
import hudson.model.ItemGroup;
import hudson.model.ModifiableViewGroup;
import hudson.model.TopLevelItem;
import hudson.model.View;
import java.util.Collection;
import jenkins.model.ModelObjectWithChildren;
import org.jenkins.ui.icon.IconSpec;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerOverridable;

/** Stand-in of cloudbees-folder's AbstractFolder: upstream's supertypes, and the members they make abstract. */
public abstract class AbstractFolder<I extends TopLevelItem> extends AbstractItem
        implements TopLevelItem, ItemGroup<I>, ModifiableViewGroup, StaplerFallback, ModelObjectWithChildren,
                StaplerOverridable, IconSpec {
    protected AbstractFolder(ItemGroup parent, String name) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getIconClassName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Collection<?> getOverrides() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public View getStaplerFallback() {
        throw new UnsupportedOperationException("stand-in");
    }
}
