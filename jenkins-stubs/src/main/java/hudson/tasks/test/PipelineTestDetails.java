package hudson.tasks.test;

import java.io.Serializable;

/**
 * Stand-in of the JUnit plugin's PipelineTestDetails, as a parameter type only (the plugin passes null: its results
 * belong to no flow node). jenkinsci/junit-plugin {@code src/main/java/hudson/tasks/test/PipelineTestDetails.java}.
 */
public class PipelineTestDetails implements Serializable {
    private static final long serialVersionUID = 1L;
}
