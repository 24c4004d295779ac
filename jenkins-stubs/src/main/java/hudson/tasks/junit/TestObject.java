package hudson.tasks.junit;

import hudson.model.AbstractModelObject;
import java.io.Serializable;

/**
 * Stand-in of the JUnit plugin's {@code hudson.tasks.junit.TestObject} (jenkinsci/junit-plugin @ 1b853a2c,
 * {@code src/main/java/hudson/tasks/junit/TestObject.java}), the root of TestResult's hierarchy: declared with its
 * upstream supertypes, members left out. Deprecated by a Javadoc tag upstream too (no annotation there).
 *
 * @deprecated Use {@link hudson.tasks.test.TestObject} instead.
 */
public abstract class TestObject extends AbstractModelObject implements Serializable {}
