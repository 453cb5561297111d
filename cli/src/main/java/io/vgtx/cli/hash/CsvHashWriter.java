package io.vgtx.cli.hash;

import io.vgtx.formats.support.CsvCells;
import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.digest.Digests;
import io.vgtx.hashing.pdq.Dihedral;
import io.vgtx.hashing.pdq.PdqResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 4180 CSV with a header row; the same fields as the JSON output, dihedral hashes as extra columns. The path and the
 * error are text, written spreadsheet-safe ({@link CsvCells}: a file named {@code =cmd|…} cannot become a formula).
 */
final class CsvHashWriter implements HashWriter {
    private static final List<String> COLUMNS =
            List.of("path", "size", "md5", "sha1", "sha256", "pdq", "quality", "width", "height", "error");
    private static final List<Dihedral> EXTRA_VARIANTS = Arrays.stream(Dihedral.values()).filter(d -> d != Dihedral.ORIG).toList();

    private final CSVPrinter csv;
    private final boolean dihedral;

    CsvHashWriter(OutputStream out, boolean dihedral) throws IOException {
        this.dihedral = dihedral;
        List<String> header = new ArrayList<>(COLUMNS);
        if (dihedral) EXTRA_VARIANTS.forEach(d -> header.add("pdq_" + d.label()));
        csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setRecordSeparator('\n').setHeader(header.toArray(String[]::new)).get());
    }

    @Override
    public void write(HashOutcome outcome) throws IOException {
        List<Object> row = new ArrayList<>();
        row.add(CsvCells.neutralise(outcome.path()));
        row.add(outcome.size() >= 0 ? outcome.size() : "");
        Digests digests = outcome.digests().orElse(null);
        row.add(digests == null ? "" : digests.md5());
        row.add(digests == null ? "" : digests.sha1());
        row.add(digests == null ? "" : digests.sha256());
        switch (outcome) {
            case HashOutcome.Hashed hashed -> {
                PdqResult pdq = hashed.pdq();
                row.addAll(List.of(pdq.hash().toHex(), pdq.quality(), hashed.width(), hashed.height(), ""));
                if (dihedral) EXTRA_VARIANTS.forEach(d -> row.add(pdq.dihedral().get(d).toHex()));
            }
            case HashOutcome.Failed failed -> {
                row.addAll(List.of("", "", "", "", CsvCells.neutralise(failed.reason())));
                if (dihedral) EXTRA_VARIANTS.forEach(d -> row.add(""));
            }
        }
        csv.printRecord(row);
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.flush();
    }
}
