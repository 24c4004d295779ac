package hudson.model;

/** Stand-in of Jenkins core's Run (the plugin uses it as a type and through Actionable). */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {}
