package io.vgtx.cli.bench;

import picocli.CommandLine.Command;

/** {@code vgtx bench}: measured performance figures, printed in one run so ratios compare. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: measure hashing throughput on this machine.",
        subcommands = {BenchHashCommand.class})
public final class BenchCommand {
}
