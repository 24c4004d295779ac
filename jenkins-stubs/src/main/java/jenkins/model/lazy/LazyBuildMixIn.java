package jenkins.model.lazy;

import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

/** Stand-in of Jenkins core's LazyBuildMixIn: the marker interfaces Pipeline's job and run implement. */
public abstract class LazyBuildMixIn<
        JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
        RunT extends Run<JobT, RunT> & LazyBuildMixIn.LazyLoadingRun<JobT, RunT>> {

    @SuppressWarnings("unused")
    private LazyBuildMixIn() {} // stand-in: upstream's protected constructor is left out

    /** Upstream: marker for a job which uses this mixin (its {@code getLazyBuildMixIn} is left out). */
    public interface LazyLoadingJob<
            JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & LazyLoadingRun<JobT, RunT>> {}

    /** Upstream: marker for a run which uses this mixin (its {@code getRunMixIn} is left out). */
    public interface LazyLoadingRun<
            JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & LazyLoadingRun<JobT, RunT>> {}
}
