package io.jenkins.plugins.circleci.api;

import java.util.Objects;

/**
 * A branch or a tag, as {@code pipeline/run}'s {@code config} and {@code checkout} objects take it (exactly one of
 * the two).
 *
 * @param kind {@code branch} or {@code tag}, the JSON field's name
 * @param name the branch's or tag's name
 */
public record GitRef(String kind, String name) {
    public static final String BRANCH = "branch";
    public static final String TAG = "tag";

    public GitRef {
        if (!BRANCH.equals(kind) && !TAG.equals(kind)) {
            throw new IllegalArgumentException("kind must be branch or tag: " + kind);
        }
        Objects.requireNonNull(name, "name");
    }

    public static GitRef branch(String name) {
        return new GitRef(BRANCH, name);
    }

    public static GitRef tag(String name) {
        return new GitRef(TAG, name);
    }

    /** The branch if given, else the tag if given, else null. */
    static GitRef of(String branch, String tag) {
        return branch != null ? branch(branch) : tag != null ? tag(tag) : null;
    }

    /** "branch 'main'" or "tag 'v2'". */
    @Override
    public String toString() {
        return kind + " '" + name + "'";
    }
}
