package hudson.model;

import java.io.PrintStream;
import jenkins.security.SerializableOnlyOverRemoting;

/** Stand-in of Jenkins core's TaskListener. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    PrintStream getLogger();
}
