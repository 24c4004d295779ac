package hudson.model.queue;

import hudson.model.Queue.Executable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Stand-in of Jenkins core's QueueTaskFuture. */
public interface QueueTaskFuture<R extends Executable> extends Future<R> {
    R waitForStart() throws InterruptedException, ExecutionException;
}
