package hudson.model;

import hudson.EnvVars;

/**
 * Stand-in of Jenkins core's EnvironmentContributingAction (jenkinsci/jenkins @ 104dafee,
 * {@code core/src/main/java/hudson/model/EnvironmentContributingAction.java}): only {@code buildEnvironment}, which
 * {@code Run.getEnvironment(TaskListener)} calls for every such action of a run that is not an AbstractBuild (a
 * Pipeline run). The deprecated {@code buildEnvVars(AbstractBuild, EnvVars)} is left out.
 */
public interface EnvironmentContributingAction extends Action {
    default void buildEnvironment(Run<?, ?> run, EnvVars env) {
        throw new UnsupportedOperationException("stand-in");
    }
}
