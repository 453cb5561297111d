package io.vgtx.cli;

import io.vgtx.cli.admin.AdminCommand;
import io.vgtx.cli.audit.AuditCommand;
import io.vgtx.cli.bank.BankCommand;
import io.vgtx.cli.bench.BenchCommand;
import io.vgtx.cli.hash.HashCommand;
import io.vgtx.cli.scan.ScanCommand;
import io.vgtx.cli.serve.ServeCommand;
import io.vgtx.core.store.AlreadyExistsException;
import io.vgtx.core.store.ImportFailedException;
import io.vgtx.core.store.NotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vgtx} command. */
@Command(name = "vgtx",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "VGT Exchange: hash images, share hash banks, find known material.",
        subcommands = {HashCommand.class, ScanCommand.class, BankCommand.class, ServeCommand.class, AdminCommand.class, AuditCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit status for a failure inside vgtx itself, as opposed to bad input or usage. */
    public static final int INTERNAL_ERROR = 3;
    /** Exit status when the request could not be carried out (no such bank, a bad file …). */
    public static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 some inputs failed, 2 usage error). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Problems with what was asked or given, reported in one line without a stack trace. */
    private static boolean isUserError(Exception e) {
        return e instanceof NotFoundException || e instanceof AlreadyExistsException || e instanceof ImportFailedException
                || e instanceof IllegalArgumentException || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) return missing.getFile() + ": no such file";
        if (e instanceof java.nio.file.AccessDeniedException denied) return denied.getFile() + ": permission denied";
        if (e instanceof java.io.UncheckedIOException unchecked) return unchecked.getCause().getMessage();
        return e.getMessage();
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (isUserError(e)) {
                commandLine.getErr().println("vgtx: " + describe(e));
                return FAILED;
            }
            commandLine.getErr().println("vgtx: internal error: " + e);
            return INTERNAL_ERROR;
        });
        return cli;
    }
}
