package hudson.tasks.test;

/**
 * Stand-in of the JUnit plugin's {@code hudson.tasks.test.TestObject} (jenkinsci/junit-plugin @ 005f9d31,
 * {@code src/main/java/hudson/tasks/test/TestObject.java}), in TestResult's hierarchy only: members left out.
 */
@SuppressWarnings("deprecation") // upstream extends the deprecated class of the same simple name too
public abstract class TestObject extends hudson.tasks.junit.TestObject {}
