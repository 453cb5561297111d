package io.vgtx.cli.concurrent;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options of every command that works through many files: how many threads, and whether to show progress. */
public final class BatchOptions {
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = OrderedParallel.defaultThreads();

    @Option(names = "--no-progress", description = "Never show a progress bar.")
    boolean noProgress;

    public int threads(CommandLine commandLine) {
        if (threads < 1) throw new CommandLine.ParameterException(commandLine, "--threads must be at least 1");
        return threads;
    }

    public boolean progressWanted() {
        return !noProgress;
    }
}
