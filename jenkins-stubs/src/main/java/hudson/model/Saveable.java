package hudson.model;

import java.io.IOException;

/** Stand-in of Jenkins core's Saveable: an object whose state is persisted. */
public interface Saveable {
    void save() throws IOException;
}
