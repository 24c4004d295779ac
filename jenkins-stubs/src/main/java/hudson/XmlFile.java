package hudson;

/** Stand-in of Jenkins core's XmlFile, the file a Saveable is written to (members left out). */
public final class XmlFile {
    /** Upstream's constructors take an XStream, which is not on this class path; none is needed here. */
    private XmlFile() {
        throw new UnsupportedOperationException("stand-in");
    }
}
