package io.jenkins.plugins.circleci.cli;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * A hidden {@code --token} on every command that refuses its value: a token on the command line lands in shell
 * history and process lists. Without it picocli would answer "Unknown options: '--token', 'CCIPAT_…'", the token
 * included; this answer never repeats the value.
 */
final class TokenOption {
    static final String NAME = "--token";
    static final String REFUSAL = "tokens are not taken on the command line (shell history, process lists): use "
            + TokenSource.ENV + " or --token-file";

    private TokenOption() {}

    /** Adds the refusing option to {@code root} and each of its subcommands. */
    static void refuseIn(CommandLine root) {
        add(root);
        root.getSubcommands().values().forEach(TokenOption::add);
    }

    private static void add(CommandLine command) {
        command.getCommandSpec().addOption(OptionSpec.builder(NAME).hidden(true).type(String.class)
                .paramLabel("TOKEN").converters(new Refuse()).build());
    }

    static final class Refuse implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            throw new TypeConversionException(REFUSAL + ".");
        }
    }
}
