package org.kohsuke.stapler.export;

/** Stand-in of Stapler's CustomExportedBean. */
public interface CustomExportedBean {
    Object toExportedObject();
}
