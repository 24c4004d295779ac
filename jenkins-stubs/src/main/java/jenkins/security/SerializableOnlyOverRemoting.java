package jenkins.security;

import java.io.Serializable;

/** Stand-in of Jenkins core's marker for objects that may be serialized only over the remoting channel. */
public interface SerializableOnlyOverRemoting extends Serializable {}
