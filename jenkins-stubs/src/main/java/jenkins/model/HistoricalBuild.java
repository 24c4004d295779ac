package jenkins.model;

/** Stand-in of Jenkins core's HistoricalBuild (since 2.477), which Run implements (members left out). */
public interface HistoricalBuild extends AddressableModelObject {}
