package jenkins.model;

import hudson.model.Action;

/**
 * Stand-in of Jenkins core's RunAction2 (jenkinsci/jenkins @ 35639e00,
 * {@code core/src/main/java/jenkins/model/RunAction2.java}), as a supertype only: {@code onAttached} and
 * {@code onLoad} are left out.
 */
public interface RunAction2 extends Action {}
