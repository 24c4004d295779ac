package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Stand-in of the credentials plugin's Credentials (its Describable/ExtensionPoint supertypes are left out). */
public interface Credentials extends Serializable {}
