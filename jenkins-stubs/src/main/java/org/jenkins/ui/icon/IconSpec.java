package org.jenkins.ui.icon;

/** Stand-in of Jenkins core's IconSpec. */
public interface IconSpec {
    String getIconClassName();
}
