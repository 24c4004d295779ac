package hudson.model;

/** Stand-in of Jenkins core's Queue: only the nested types the plugin and its tests name. */
public class Queue {
    private Queue() {}

    public interface Task extends ModelObject {}

    public interface Executable extends Runnable {}
}
