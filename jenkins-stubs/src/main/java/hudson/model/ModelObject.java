package hudson.model;

/** Stand-in of Jenkins core's ModelObject. */
public interface ModelObject {
    String getDisplayName();
}
