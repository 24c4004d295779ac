package hudson.model;

import jenkins.model.ModelObjectWithContextMenu;

/** Stand-in of Jenkins core's Actionable. */
public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {
    public void addAction(Action a) {
        throw new UnsupportedOperationException("stand-in");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stand-in");
    }
}
