package hudson.tasks;

/**
 * Stand-in of Jenkins core's BuildStep (jenkinsci/jenkins {@code core/src/main/java/hudson/tasks/BuildStep.java}), as
 * the supertype of {@code SimpleBuildStep} only (members left out).
 */
public interface BuildStep {}
