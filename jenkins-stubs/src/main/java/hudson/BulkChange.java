package hudson;

import hudson.model.Saveable;
import java.io.Closeable;
import java.io.IOException;

/**
 * Stand-in of Jenkins core's BulkChange: defers a {@link Saveable}'s saves to one {@link #commit()}; closing it without
 * a commit aborts (members left out: {@code abort}, {@code current}, {@code contains}, {@code ALL}, {@code allocator}).
 */
public class BulkChange implements Closeable {
    public BulkChange(Saveable saveable) {
        throw new UnsupportedOperationException("stand-in");
    }

    public void commit() throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    /** {@code throws IOException}, as a decompiled 2.5xx core jar declares it (older sources had no close()). */
    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
