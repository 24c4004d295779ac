package com.cloudbees.hudson.plugins.folder;

import hudson.model.TopLevelItem;
import java.io.IOException;

/** Stand-in of cloudbees-folder's Folder. */
public class Folder extends AbstractFolder<TopLevelItem> {
    private Folder() {}

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
