package jenkins.scm;

import hudson.model.Job;
import hudson.model.Run;

/** Stand-in of Jenkins core's RunWithSCM (members left out). */
public interface RunWithSCM<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT> & RunWithSCM<JobT, RunT>> {}
