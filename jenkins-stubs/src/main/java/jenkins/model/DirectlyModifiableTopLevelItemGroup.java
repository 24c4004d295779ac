package jenkins.model;

/** Stand-in of Jenkins core's DirectlyModifiableTopLevelItemGroup (members left out). */
public interface DirectlyModifiableTopLevelItemGroup extends ModifiableTopLevelItemGroup {}
