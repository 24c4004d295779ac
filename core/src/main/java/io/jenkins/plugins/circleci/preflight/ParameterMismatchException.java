package io.jenkins.plugins.circleci.preflight;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.util.List;

/**
 * The parameters to be sent do not match those the branch's config declares: refused before anything was triggered.
 * The message lists each problem and what is declared; it never quotes a value.
 */
public final class ParameterMismatchException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    ParameterMismatchException(String message, String hint, List<String> problems) {
        super(message, hint);
        this.problems = List.copyOf(problems);
    }

    /** One line per problem. */
    public List<String> problems() {
        return problems;
    }
}
