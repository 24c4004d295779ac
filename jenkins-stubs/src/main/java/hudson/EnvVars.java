package hudson;

import java.util.TreeMap;

/**
 * Stand-in of Jenkins core's EnvVars (jenkinsci/jenkins {@code core/src/main/java/hudson/EnvVars.java}): a map of
 * environment variables, case-insensitive and case-preserving as upstream's. Only the no-argument constructor; the
 * offline tests run it.
 */
public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }
}
