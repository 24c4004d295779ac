package hudson;

import java.util.AbstractList;
import jenkins.util.io.OnMaster;
import jenkins.model.Jenkins;

/** Stand-in of Jenkins core's extension list; only the lookups the plugin uses. */
public class ExtensionList<T> extends AbstractList<T> implements OnMaster {
    protected ExtensionList(Jenkins jenkins, Class<T> extensionType) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("stand-in");
    }
}
