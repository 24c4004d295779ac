package jenkins.tasks;

import hudson.model.Action;
import hudson.tasks.BuildStep;

/**
 * Stand-in of Jenkins core's SimpleBuildStep (jenkinsci/jenkins @ 025383c0,
 * {@code core/src/main/java/jenkins/tasks/SimpleBuildStep.java}), there for its nested {@link LastBuildAction}, which
 * the JUnit plugin's TestResultAction implements. Members left out.
 */
public interface SimpleBuildStep extends BuildStep {
    /** Stand-in of {@code SimpleBuildStep.LastBuildAction}, as a supertype only ({@code getProjectActions()} left out). */
    interface LastBuildAction extends Action {}
}
