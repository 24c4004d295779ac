package jenkins.console;

/** Stand-in of Jenkins core's WithConsoleUrl (its {@code getConsoleUrl} is left out). */
public interface WithConsoleUrl {}
