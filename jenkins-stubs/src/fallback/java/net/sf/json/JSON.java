package net.sf.json;

import java.io.Serializable;

/** Stand-in of json-lib's JSON (members left out). */
public interface JSON extends Serializable {}
