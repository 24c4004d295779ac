package hudson.model;

import hudson.ExtensionPoint;

/** Stand-in of Jenkins core's RootAction (its default {@code getBadge}/{@code isPrimaryAction} are left out). */
public interface RootAction extends Action, ExtensionPoint {}
