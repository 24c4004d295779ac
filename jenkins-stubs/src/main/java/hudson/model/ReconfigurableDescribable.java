package hudson.model;

/** Stand-in of Jenkins core's ReconfigurableDescribable (its {@code reconfigure} is left out). */
public interface ReconfigurableDescribable<T extends ReconfigurableDescribable<T>> extends Describable<T> {}
