package io.vgtx.formats.icse;

import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.signal.SignalType;
import io.vgtx.formats.FormatException;
import io.vgtx.formats.support.CsvCells;
import io.vgtx.formats.support.CsvRows;
import io.vgtx.formats.support.RecordReader;
import io.vgtx.formats.support.Values;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Reads an INTERPOL ICSE export; see the package description. */
public final class IcseReader extends RecordReader {
    private final CsvRows rows;
    /** The column names by position, as {@link IcseColumns#canonical}; null until the header is read. */
    private List<String> columns;

    public IcseReader(InputStream in) throws IOException {
        rows = new CsvRows(in, ';');
    }

    @Override
    protected boolean readRecord(Consumer<EntryData> emit) throws IOException, FormatException {
        Optional<CsvRows.Row> row = rows.next();
        if (row.isEmpty()) return false;
        if (columns == null) columns = header(row.get());
        else {
            at(row.get().location());
            entries(row.get()).forEach(emit);
        }
        return true;
    }

    private static List<String> header(CsvRows.Row row) throws FormatException {
        List<String> names = row.values().stream().map(IcseColumns::canonical).toList();
        if (names.stream().noneMatch(IcseColumns.HASHES::containsKey))
            throw new FormatException(row.location(), "not an ICSE export: the header has no MD5, SHA1 or PhotoDNA column");
        Set<String> seen = new HashSet<>();
        for (String name : names) if (!seen.add(name)) throw new FormatException(row.location(), "column '" + name + "' appears twice");
        return names;
    }

    private List<EntryData> entries(CsvRows.Row row) throws FormatException {
        String location = row.location();
        if (row.values().size() != columns.size())
            throw new FormatException(location, "expected " + columns.size() + " values as in the header, got " + row.values().size());
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String cell = row.values().get(i);
            // What the writer made spreadsheet-safe (series, metadata) is read back as it was.
            Values.present(IcseColumns.HASHES.containsKey(column) ? cell : CsvCells.restore(cell)).ifPresent(value -> cells.put(column, value));
        }
        Map<String, String> metadata = new HashMap<>();
        cells.forEach((column, value) -> {
            if (IcseColumns.isMetadata(column)) metadata.put(IcseColumns.METADATA_PREFIX + column, value);
        });
        boolean victimIdentified = Values.optional(location, IcseColumns.VICTIM_IDENTIFIED, cells.get(IcseColumns.VICTIM_IDENTIFIED), Values::bool).orElse(false);
        List<Grade> grades = Values.optional(location, IcseColumns.BASELINE, cells.get(IcseColumns.BASELINE), Values::bool)
                .map(onBaseline -> List.of(new Grade(IcseColumns.BASELINE_SCHEME, String.valueOf(onBaseline), null, null))).orElse(List.of());
        List<EntryData> entries = new ArrayList<>();
        for (String column : IcseColumns.HEADER) {
            SignalType type = IcseColumns.HASHES.get(column);
            String raw = cells.get(column);
            if (type == null || raw == null) continue;
            String value = Values.field(location, column, () -> type.normalize(raw));
            entries.add(new EntryData(type, value, Optional.empty(), Optional.empty(), Optional.ofNullable(cells.get(IcseColumns.SERIES)),
                    victimIdentified, Optional.empty(), Optional.empty(), Optional.empty(), grades, metadata, EntryState.ACTIVE));
        }
        if (entries.isEmpty()) skip("row without a hash");
        return entries;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
