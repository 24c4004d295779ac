package hudson.model;

/** Stand-in of Jenkins core's ItemGroup. */
public interface ItemGroup<T extends Item> extends PersistenceRoot, ModelObject {}
