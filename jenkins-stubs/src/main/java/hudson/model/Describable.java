package hudson.model;

/** Stand-in of Jenkins core's Describable (a default method since core 2.505). */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stand-in");
    }
}
