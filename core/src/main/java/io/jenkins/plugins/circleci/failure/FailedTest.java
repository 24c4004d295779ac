package io.jenkins.plugins.circleci.failure;

import java.io.Serializable;
import java.util.List;

/**
 * A failed test as reported: where it is and the first lines of its message (cleaned, masked, cut).
 *
 * @param classname CircleCI's {@code classname}; may be empty
 * @param name      the test's name
 * @param file      the file it is in; may be empty
 * @param message   the first lines of its failure message; empty when CircleCI gave none
 */
public record FailedTest(String classname, String name, String file, List<String> message) implements Serializable {
    private static final long serialVersionUID = 1L;

    public FailedTest {
        classname = classname == null ? "" : classname;
        name = name == null ? "" : name;
        file = file == null ? "" : file;
        message = message == null ? List.of() : List.copyOf(message);
    }

    /** {@code classname.name}, or the name alone when there is no class name. */
    public String fullName() {
        return classname.isEmpty() ? name : classname + "." + name;
    }
}
