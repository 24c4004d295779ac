package jenkins.model;

/**
 * Stand-in of Jenkins core's Badgeable, which {@link Tab} implements (jenkinsci/jenkins @ 14b777dd,
 * {@code core/src/main/java/jenkins/model/Badgeable.java}; its default {@code getBadge()} is left out).
 */
public interface Badgeable {}
