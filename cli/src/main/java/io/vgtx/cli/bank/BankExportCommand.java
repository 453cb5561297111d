package io.vgtx.cli.bank;

import io.vgtx.cli.node.Node;
import io.vgtx.cli.node.NodeOptions;
import io.vgtx.formats.EntryWriter;
import io.vgtx.formats.Format;
import io.vgtx.formats.WriteOptions;
import io.vgtx.formats.catalog.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** {@code vgtx bank export NAME --format F [-o FILE]}: streams a bank out; a file appears only when complete. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a bank, streaming, to standard output or a file (written whole or not at all).")
final class BankExportCommand implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    @Parameters(index = "0", paramLabel = "NAME")
    String bank;

    @Option(names = "--format", required = true, paramLabel = "F", description = "csv, pdq, jsonl, vics, icse or stix.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        Format parsed = Format.parse(format);
        try (Node open = Node.open(node)) {
            if (output == null) {
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                export(open, parsed, out);
                out.flush();
                return 0;
            }
            // Written beside the target and moved into place, so a failed export never leaves half a file.
            Path partial = output.resolveSibling(output.getFileName() + ".partial");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                export(open, parsed, out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return 0;
    }

    private void export(Node open, Format parsed, OutputStream out) throws IOException {
        try (EntryWriter writer = Formats.writer(parsed, out, WriteOptions.of(open.organisation()))) {
            open.banks().forEachEntry(bank, entry -> {
                try {
                    writer.write(entry);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!writer.skipped().isEmpty()) System.err.println("vgtx: not exported (the format cannot carry them): " + writer.skipped());
        }
    }
}
