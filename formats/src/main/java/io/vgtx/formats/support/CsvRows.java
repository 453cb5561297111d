package io.vgtx.formats.support;

import io.vgtx.formats.FormatException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 4180 rows, one at a time, each with the physical line it starts on (a quoted value may span lines).
 * Blank lines are passed over.
 */
public final class CsvRows implements Closeable {
    /** commons-csv puts its own position into messages; ours comes first, so drop theirs. */
    private static final Pattern CSV_POSITION = Pattern.compile("\\(startline \\d+\\) | at line: \\d+, position: \\d+");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesRead;

    public CsvRows(InputStream in, char delimiter) throws IOException {
        // Blank lines are kept as records here, so the parser's line count stays exact; we drop them below.
        parser = format(delimiter).builder().setIgnoreEmptyLines(false).get().parse(Streams.reader(in));
        records = parser.iterator();
    }

    /** RFC 4180 with the given delimiter, CRLF line ends. */
    public static CSVPrinter printer(OutputStream out, char delimiter) throws IOException {
        return new CSVPrinter(Streams.writer(out), format(delimiter));
    }

    /** A row: its first physical line, and its values. */
    public record Row(long line, List<String> values) {
        public String location() {
            return "line " + line;
        }
    }

    /** The next row that is not blank, or empty at the end. */
    public Optional<Row> next() throws IOException, FormatException {
        while (true) {
            long line = linesRead + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) return Optional.empty();
                record = records.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException bad)
                    throw new FormatException("line " + line, "malformed CSV: " + CSV_POSITION.matcher(bad.getMessage()).replaceAll(""));
                throw e.getCause();
            }
            linesRead = parser.getCurrentLineNumber();
            if (record.size() > 1 || !record.get(0).isBlank()) return Optional.of(new Row(line, record.toList()));
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
    }
}
