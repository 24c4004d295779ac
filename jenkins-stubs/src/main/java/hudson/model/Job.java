package hudson.model;

/** Stand-in of Jenkins core's Job. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("stand-in");
    }
}
