package hudson.model;

/** Stand-in of Jenkins core's InvisibleAction. */
public abstract class InvisibleAction implements Action {
    @Override
    public final String getIconFileName() {
        return null;
    }

    @Override
    public final String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
