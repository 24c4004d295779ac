package hudson.model;

/** Stand-in of Jenkins core's ModifiableItemGroup (its {@code doCreateItem} is left out). */
public interface ModifiableItemGroup<T extends Item> extends ItemGroup<T> {}
