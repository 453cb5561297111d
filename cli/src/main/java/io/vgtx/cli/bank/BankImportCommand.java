package io.vgtx.cli.bank;

import io.vgtx.cli.node.Node;
import io.vgtx.cli.node.NodeOptions;
import io.vgtx.cli.output.Progress;
import io.vgtx.core.audit.AuditActions;
import io.vgtx.core.store.ImportResult;
import io.vgtx.formats.Format;
import io.vgtx.formats.ReadOptions;
import io.vgtx.formats.catalog.FileImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vgtx bank import NAME FILE --format F}: all of the file, or — at its first bad record — nothing. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a hash list into a bank, streaming. All or nothing: the first bad record",
                "is reported with its line or record number and nothing is added.",
                "FILE '-' reads standard input."})
final class BankImportCommand implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    @Parameters(index = "0", paramLabel = "NAME")
    String bank;

    @Parameters(index = "1", paramLabel = "FILE")
    String file;

    @Option(names = "--format", required = true, paramLabel = "F", description = "csv, pdq, jsonl, vics, icse or stix.")
    String format;

    @Option(names = "--ignore-unknown", description = "CSV: ignore columns we do not know instead of refusing the file.")
    boolean ignoreUnknown;

    @Option(names = "--no-progress", description = "Never show a progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        Format parsed = Format.parse(format);
        try (Progress progress = Progress.startBytes("Importing", file.equals("-") ? 0 : Files.size(Path.of(file)), !noProgress);
             InputStream in = progress.track(open());
             Node open = Node.open(node);
             NodeBanks banks = NodeBanks.open(open)) {
            FileImport.Outcome outcome = FileImport.run(parsed, in, new ReadOptions(ignoreUnknown),
                    source -> banks.banks().addOnNode(banks.actor(), bank, open.organisation(), source, AuditActions.ENTRIES_IMPORT,
                            Map.of("format", parsed.name().toLowerCase(Locale.ROOT), "file", file.equals("-") ? "stdin" : Path.of(file).getFileName().toString())));
            System.out.println("bank '" + bank + "': " + outcome.summary());
        }
        return 0;
    }

    private InputStream open() throws IOException {
        if (file.equals("-")) return new BufferedInputStream(System.in);
        return new BufferedInputStream(Files.newInputStream(Path.of(file)), 1 << 16);
    }

    static String summary(String bank, ImportResult result) {
        return "bank '" + bank + "': " + result.summary();
    }
}
