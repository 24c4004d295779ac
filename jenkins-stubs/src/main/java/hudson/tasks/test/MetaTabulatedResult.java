package hudson.tasks.test;

/**
 * Stand-in of the JUnit plugin's MetaTabulatedResult (jenkinsci/junit-plugin @ 3d77481f,
 * {@code src/main/java/hudson/tasks/test/MetaTabulatedResult.java}), the superclass of
 * {@code hudson.tasks.junit.TestResult}: members left out.
 */
public abstract class MetaTabulatedResult extends TabulatedResult {}
