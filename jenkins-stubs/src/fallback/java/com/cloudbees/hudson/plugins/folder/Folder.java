package com.cloudbees.hudson.plugins.folder;

import hudson.model.TopLevelItem;
import java.io.IOException;
import jenkins.model.DirectlyModifiableTopLevelItemGroup;

/** Stand-in of cloudbees-folder's Folder. */
public class Folder extends AbstractFolder<TopLevelItem> implements DirectlyModifiableTopLevelItemGroup {
    private Folder() { // stand-in: upstream's public Folder(ItemGroup, String) is left out
        super(null, null);
    }

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
