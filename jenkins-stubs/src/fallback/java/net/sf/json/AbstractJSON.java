package net.sf.json;

/** Stand-in of json-lib's package-private AbstractJSON, a supertype of JSONObject (members left out). */
abstract class AbstractJSON implements JSON {
    AbstractJSON() {}
}
