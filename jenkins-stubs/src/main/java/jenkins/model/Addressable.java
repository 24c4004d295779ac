package jenkins.model;

/** Stand-in of Jenkins core's Addressable (jenkinsci/jenkins b279e75f): an object reachable under a Jenkins URL. */
public interface Addressable {
    String getUrl();
}
