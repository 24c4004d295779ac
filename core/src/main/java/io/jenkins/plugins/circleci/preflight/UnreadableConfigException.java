package io.jenkins.plugins.circleci.preflight;

/** The config text could not be read as a YAML map of parameters; says why, without quoting the text. */
final class UnreadableConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableConfigException(String reason) {
        super(reason);
    }
}
