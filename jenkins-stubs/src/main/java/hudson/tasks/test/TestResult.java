package hudson.tasks.test;

/**
 * Stand-in of the JUnit plugin's {@code hudson.tasks.test.TestResult} (jenkinsci/junit-plugin @ 0ace75ab,
 * {@code src/main/java/hudson/tasks/test/TestResult.java}), in {@code hudson.tasks.junit.TestResult}'s hierarchy
 * only: members left out ({@code tally()} is declared where the plugin calls it, on the JUnit TestResult, which
 * overrides it upstream).
 */
public abstract class TestResult extends TestObject {}
