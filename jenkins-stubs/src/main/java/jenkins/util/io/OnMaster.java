package jenkins.util.io;

/** Stand-in of Jenkins core's OnMaster marker: objects that live only on the controller. */
public interface OnMaster {}
