package io.vgtx.formats.icse;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.signal.PhotoDnaSignal;
import io.vgtx.core.signal.SignalType;
import io.vgtx.formats.EntryWriter;
import io.vgtx.formats.support.CsvCells;
import io.vgtx.formats.support.CsvRows;
import io.vgtx.formats.support.EntryGroups;
import io.vgtx.formats.support.Skips;
import io.vgtx.formats.support.Values;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes an ICSE export, one row per group of entries; see the package description. */
public final class IcseWriter implements EntryWriter {
    private final CSVPrinter printer;
    private final EntryGroups groups = new EntryGroups(IcseColumns.IMAGE_ID);
    private final Skips skips = new Skips();

    public IcseWriter(OutputStream out) throws IOException {
        printer = CsvRows.printer(out, ';');
        printer.printRecord(IcseColumns.HEADER);
    }

    @Override
    public void write(Entry entry) throws IOException {
        EntryData data = entry.data();
        if (data.state() == EntryState.RETRACTED) skips.count("retracted");
        else if (!IcseColumns.HASHES.containsValue(data.type())) skips.count(data.type().name() + " (no ICSE column)");
        else {
            Optional<List<Entry>> done = groups.add(entry);
            if (done.isPresent()) writeRow(done.get());
        }
    }

    private void writeRow(List<Entry> group) throws IOException {
        EntryData first = group.getFirst().data();
        List<String> row = new ArrayList<>();
        // Series and metadata are text: spreadsheet-safe. Hashes and Yes/No are written as they are.
        for (String column : IcseColumns.HEADER) row.add(IcseColumns.HASHES.containsKey(column) ? cell(column, group, first)
                : CsvCells.neutralise(cell(column, group, first)));
        printer.printRecord(row);
    }

    private static String cell(String column, List<Entry> group, EntryData first) {
        SignalType type = IcseColumns.HASHES.get(column);
        if (type != null) return hash(group, type);
        return switch (column) {
            case IcseColumns.SERIES -> first.series().orElse("");
            case IcseColumns.VICTIM_IDENTIFIED -> yesNo(first.victimIdentified());
            case IcseColumns.BASELINE -> first.grades().stream().filter(g -> g.scheme().equals(IcseColumns.BASELINE_SCHEME))
                    .map(Grade::grade).reduce((earlier, later) -> later).map(grade -> yesNo(Boolean.parseBoolean(grade))).orElse("");
            default -> first.metadata().getOrDefault(IcseColumns.METADATA_PREFIX + column, "");
        };
    }

    private static String hash(List<Entry> group, SignalType type) {
        return group.stream().map(Entry::data).filter(e -> e.type().equals(type)).findFirst()
                .map(e -> type.equals(PhotoDnaSignal.PHOTODNA) ? Values.photoDnaBase64(e.value()) : e.value()).orElse("");
    }

    private static String yesNo(boolean flag) {
        return flag ? "Yes" : "No";
    }

    @Override
    public Map<String, Long> skipped() {
        return skips.counts();
    }

    @Override
    public void close() throws IOException {
        Optional<List<Entry>> last = groups.finish();
        if (last.isPresent()) writeRow(last.get());
        printer.close();
    }
}
