package hudson.console;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Stand-in of Jenkins core's ConsoleNote (members left out). */
public abstract class ConsoleNote<T> implements Serializable, Describable<ConsoleNote<?>>, ExtensionPoint {
    private static final long serialVersionUID = 1L;
}
