package io.vgtx.cli.bench;

import picocli.CommandLine.Command;

/** {@code vgtx bench}: measured performance figures, printed in one run so ratios compare. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks: hashing throughput, index vs brute force, import speed, measured on this machine;",
                "and the tools of scripts/crash-test.sh and scripts/soak.sh."},
        subcommands = {BenchHashCommand.class, BenchIndexCommand.class, BenchImportCommand.class, BenchApiCommand.class,
                BenchIndexCheckCommand.class, BenchWebhookSinkCommand.class, BenchSoakReportCommand.class})
public final class BenchCommand {
}
