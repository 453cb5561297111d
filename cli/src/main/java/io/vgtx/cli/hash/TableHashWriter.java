package io.vgtx.cli.hash;

import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.pdq.Dihedral;
import io.vgtx.hashing.pdq.PdqResult;

import java.io.PrintStream;
import java.util.function.Supplier;

/** The default, human-readable output: one aligned row per hashed file; failures go to stderr only. */
final class TableHashWriter implements HashWriter {
    private static final String ROW = "%-64s  %7s  %-11s  %s%n";

    private final PrintStream out;
    private final Supplier<String> linePrefix;
    private boolean headerWritten;

    /** {@code linePrefix} clears a progress bar sharing the terminal before each row. */
    TableHashWriter(PrintStream out, Supplier<String> linePrefix) {
        this.out = out;
        this.linePrefix = linePrefix;
    }

    @Override
    public void write(HashOutcome outcome) {
        if (!(outcome instanceof HashOutcome.Hashed hashed)) return;
        if (!headerWritten) {
            out.printf(linePrefix.get() + ROW, "PDQ", "QUALITY", "SIZE", "PATH");
            headerWritten = true;
        }
        PdqResult pdq = hashed.pdq();
        String quality = pdq.isLowQuality() ? pdq.quality() + " low" : String.valueOf(pdq.quality());
        out.printf(linePrefix.get() + ROW, pdq.hash().toHex(), quality, hashed.width() + "x" + hashed.height(), hashed.path());
        hashed.pdq().dihedral().forEach((variant, hash) -> {
            if (variant != Dihedral.ORIG)
                out.printf(ROW, hash.toHex(), "", variant.label(), "");
        });
    }

    @Override
    public void close() {
        out.flush();
    }
}
