package io.jenkins.plugins.circleci.cli;

/** {@code java -jar circleci-trigger.jar run|wait|demo ...}; exit codes in {@link ExitCodes}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(CircleCiTriggerCli.execute(CliContext.system(), args));
    }
}
