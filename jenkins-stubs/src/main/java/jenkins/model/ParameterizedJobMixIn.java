package jenkins.model;

import hudson.model.BuildableItem;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import jenkins.triggers.TriggeredItem;

/** Stand-in of Jenkins core's ParameterizedJobMixIn: the interface Pipeline's job implements. */
public abstract class ParameterizedJobMixIn<
        JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
        RunT extends Run<JobT, RunT> & Queue.Executable> {

    @SuppressWarnings("unused")
    private ParameterizedJobMixIn() {} // stand-in: upstream's implicit public constructor is left out

    /** Upstream: marker for a job using this mixin, with default implementations (left out). */
    public interface ParameterizedJob<
                    JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
                    RunT extends Run<JobT, RunT> & Queue.Executable>
            extends BuildableItem, TriggeredItem {}
}
