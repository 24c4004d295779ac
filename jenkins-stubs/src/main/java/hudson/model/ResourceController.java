package hudson.model;

/** Stand-in of Jenkins core's ResourceController, the superclass of {@link Queue} (members left out). */
public class ResourceController {
    ResourceController() {} // stand-in: not constructible from outside, unlike upstream's implicit constructor
}
