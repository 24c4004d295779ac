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

    @Override
    public void close() {
        throw new UnsupportedOperationException("stand-in");
    }
}
