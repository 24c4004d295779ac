package hudson.model.listeners;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.XmlFile;
import hudson.model.Saveable;

/** Stand-in of Jenkins core's SaveableListener: told of every save of a {@link Saveable} (members left out). */
public abstract class SaveableListener implements ExtensionPoint {
    public void onChange(Saveable o, XmlFile file) {}

    public static ExtensionList<SaveableListener> all() {
        throw new UnsupportedOperationException("stand-in");
    }
}
