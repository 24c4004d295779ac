package hudson.model;

/** Stand-in of Jenkins core's TopLevelItem. */
public interface TopLevelItem extends Item {}
