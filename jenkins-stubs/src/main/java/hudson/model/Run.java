package hudson.model;

/** Stand-in of Jenkins core's Run: the members the plugin and its tests use. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    public Result getResult() {
        throw new UnsupportedOperationException("stand-in");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stand-in");
    }
}
