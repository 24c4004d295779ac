package hudson.tasks.test;

/**
 * Stand-in of the JUnit plugin's TabulatedResult (jenkinsci/junit-plugin @ 1b853a2c,
 * {@code src/main/java/hudson/tasks/test/TabulatedResult.java}), in TestResult's hierarchy only: members left out.
 */
public abstract class TabulatedResult extends TestResult {}
