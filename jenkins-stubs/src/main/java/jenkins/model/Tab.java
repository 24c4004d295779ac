package jenkins.model;

import hudson.model.Action;
import hudson.model.Actionable;

/**
 * Stand-in of Jenkins core's Tab, the superclass of the JUnit plugin's AbstractTestResultAction (jenkinsci/jenkins
 * @ 798b8c40, {@code core/src/main/java/jenkins/model/Tab.java}): declaration and constructor only; the field and
 * {@code getObject()} are left out.
 */
public abstract class Tab implements Action, Badgeable {
    public Tab(Actionable object) {
        throw new UnsupportedOperationException("stand-in");
    }
}
