package hudson.model;

/** Stand-in of Jenkins core's DescriptorByNameOwner (its default {@code getDescriptorByName} is left out). */
public interface DescriptorByNameOwner extends ModelObject {}
