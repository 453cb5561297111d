package io.vgtx.formats.csv;

import io.vgtx.core.bank.EntryData;
import io.vgtx.formats.FormatException;
import io.vgtx.formats.support.CsvCells;
import io.vgtx.formats.support.CsvRows;
import io.vgtx.formats.support.EntryColumn;
import io.vgtx.formats.support.RecordReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads our CSV; see the package description for the columns. */
public final class CsvEntryReader extends RecordReader {
    private final CsvRows rows;
    private final boolean ignoreUnknownColumns;
    /** Column → index in the row, from the header; null until the header is read. */
    private Map<EntryColumn, Integer> columns;
    private int width;

    public CsvEntryReader(InputStream in, boolean ignoreUnknownColumns) throws IOException {
        this.rows = new CsvRows(in, ',');
        this.ignoreUnknownColumns = ignoreUnknownColumns;
    }

    @Override
    protected boolean readRecord(Consumer<EntryData> emit) throws IOException, FormatException {
        Optional<CsvRows.Row> row = rows.next();
        if (row.isEmpty()) return false;
        if (columns == null) readHeader(row.get());
        else {
            at(row.get().location());
            emit.accept(entry(row.get()));
        }
        return true;
    }

    private void readHeader(CsvRows.Row header) throws FormatException {
        columns = new EnumMap<>(EntryColumn.class);
        List<String> names = header.values();
        width = names.size();
        for (int i = 0; i < width; i++) {
            Optional<EntryColumn> column = EntryColumn.byHeader(names.get(i));
            if (column.isEmpty() && !ignoreUnknownColumns)
                throw new FormatException(header.location(), "unknown column '" + names.get(i).strip() + "' (expected "
                        + String.join(", ", EntryColumn.headers()) + "; or ignore unknown columns)");
            if (column.isPresent() && columns.put(column.get(), i) != null)
                throw new FormatException(header.location(), "column '" + column.get().header() + "' appears twice");
        }
        for (EntryColumn required : List.of(EntryColumn.TYPE, EntryColumn.VALUE))
            if (!columns.containsKey(required))
                throw new FormatException(header.location(), "missing column '" + required.header() + "' (the first row must be the header)");
    }

    private EntryData entry(CsvRows.Row row) throws FormatException {
        if (row.values().size() != width)
            throw new FormatException(row.location(), "expected " + width + " values as in the header, got " + row.values().size());
        return EntryColumn.parse(column -> {
            Integer index = columns.get(column);
            if (index == null) return null;
            String cell = row.values().get(index);
            return column.isText() ? CsvCells.restore(cell) : cell;
        }, row.location());
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
