package hudson.model;

/** Stand-in of Jenkins core's ModifiableViewGroup (its {@code addView} is left out). */
public interface ModifiableViewGroup extends ViewGroup {}
