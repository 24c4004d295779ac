package hudson.model.queue;

import hudson.model.ResourceActivity;

/** Stand-in of Jenkins core's SubTask (members left out). */
public interface SubTask extends ResourceActivity {}
