package hudson.model;

import hudson.model.Queue.Task;

/** Stand-in of Jenkins core's BuildableItem (members left out). */
public interface BuildableItem extends Item, Task {}
