package io.vgtx.formats.csv;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryState;
import io.vgtx.formats.EntryWriter;
import io.vgtx.formats.support.CsvCells;
import io.vgtx.formats.support.CsvRows;
import io.vgtx.formats.support.EntryColumn;
import io.vgtx.formats.support.Skips;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes our CSV: the header, then one row per active entry; text cells {@linkplain CsvCells spreadsheet-safe}. */
public final class CsvEntryWriter implements EntryWriter {
    private final CSVPrinter printer;
    private final Skips skips = new Skips();

    public CsvEntryWriter(OutputStream out) throws IOException {
        printer = CsvRows.printer(out, ',');
        printer.printRecord(EntryColumn.headers());
    }

    @Override
    public void write(Entry entry) throws IOException {
        if (entry.data().state() == EntryState.RETRACTED) {
            skips.count("retracted");
            return;
        }
        List<String> row = new ArrayList<>();
        for (EntryColumn column : EntryColumn.values()) {
            String text = column.text(entry.data()).orElse("");
            row.add(column.isText() ? CsvCells.neutralise(text) : text);
        }
        printer.printRecord(row);
    }

    @Override
    public Map<String, Long> skipped() {
        return skips.counts();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
