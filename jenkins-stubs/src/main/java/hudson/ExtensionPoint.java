package hudson;

/** Stand-in of Jenkins core's marker interface. */
public interface ExtensionPoint {}
