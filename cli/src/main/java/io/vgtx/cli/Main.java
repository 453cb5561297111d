package io.vgtx.cli;

import io.vgtx.cli.bench.BenchCommand;
import io.vgtx.cli.hash.HashCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vgtx} command. */
@Command(name = "vgtx",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "VGT Exchange: hash images, share hash banks, find known material.",
        subcommands = {HashCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit status for a failure inside vgtx itself, as opposed to bad input or usage. */
    public static final int INTERNAL_ERROR = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 some inputs failed, 2 usage error). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("vgtx: internal error: " + e);
            return INTERNAL_ERROR;
        });
        return cli;
    }
}
