package hudson.model;

import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

/**
 * Stand-in of Jenkins core's Result, executable: the five constants with core's names, ordinals and completeness,
 * and the comparisons. (Core's {@code BallColor color} field is left out.)
 */
public final class Result implements Serializable, CustomExportedBean {
    private static final long serialVersionUID = 1L;

    public static final Result SUCCESS = new Result("SUCCESS", 0, true);
    public static final Result UNSTABLE = new Result("UNSTABLE", 1, true);
    public static final Result FAILURE = new Result("FAILURE", 2, true);
    public static final Result NOT_BUILT = new Result("NOT_BUILT", 3, false);
    public static final Result ABORTED = new Result("ABORTED", 4, false);

    private static final Result[] all = {SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED};

    private final String name;
    public final int ordinal;
    public final boolean completeBuild;

    private Result(String name, int ordinal, boolean complete) {
        this.name = name;
        this.ordinal = ordinal;
        this.completeBuild = complete;
    }

    public boolean isWorseThan(Result that) {
        return ordinal > that.ordinal;
    }

    /** Like core: the name, for the remote API. */
    @Override
    public String toExportedObject() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Like core: the result of that name, FAILURE for anything else. */
    public static Result fromString(String s) {
        for (Result r : all) {
            if (s.equalsIgnoreCase(r.name)) {
                return r;
            }
        }
        return FAILURE;
    }

    private Object readResolve() {
        for (Result r : all) {
            if (ordinal == r.ordinal) {
                return r;
            }
        }
        return FAILURE;
    }
}
