package hudson.model;

/** Stand-in of Jenkins core's User. */
public class User {
    private User() {}

    public static User getById(String id, boolean create) {
        throw new UnsupportedOperationException("stand-in");
    }
}
