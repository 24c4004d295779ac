package hudson.model;

import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;

/** Stand-in of Jenkins core's Queue: only the nested types the plugin and its tests name. */
public class Queue extends ResourceController implements Saveable {
    private Queue() {} // stand-in: upstream's public Queue(LoadBalancer) is left out

    @Override
    public void save() {
        throw new UnsupportedOperationException("stand-in");
    }

    public interface Task extends FullyNamedModelObject, SubTask {}

    public interface FlyweightTask extends Task {}

    public interface Executable extends Runnable, WithConsoleUrl {}
}
