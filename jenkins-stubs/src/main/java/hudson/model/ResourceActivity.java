package hudson.model;

/** Stand-in of Jenkins core's ResourceActivity (its default methods are left out). */
public interface ResourceActivity {}
