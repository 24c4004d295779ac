package hudson.model;

/** Stand-in of Jenkins core's Action. */
public interface Action extends ModelObject {
    String getIconFileName();

    @Override
    String getDisplayName();

    String getUrlName();
}
