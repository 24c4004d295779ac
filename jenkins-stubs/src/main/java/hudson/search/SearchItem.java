package hudson.search;

/** Stand-in of Jenkins core's SearchItem (members left out). */
public interface SearchItem {}
