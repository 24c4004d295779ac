package hudson.model;

import hudson.ExtensionPoint;

/** Stand-in of Jenkins core's TopLevelItem. */
public interface TopLevelItem extends Item, ExtensionPoint, Describable<TopLevelItem> {}
