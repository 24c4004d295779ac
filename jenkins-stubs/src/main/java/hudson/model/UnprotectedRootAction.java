package hudson.model;

import hudson.ExtensionPoint;

/** Stand-in of Jenkins core's UnprotectedRootAction: a root URL reachable without Overall/Read. */
public interface UnprotectedRootAction extends RootAction, ExtensionPoint {}
