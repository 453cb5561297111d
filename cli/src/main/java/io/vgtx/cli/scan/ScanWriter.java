package io.vgtx.cli.scan;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.match.Match;
import io.vgtx.formats.support.CsvCells;
import io.vgtx.hashing.content.HashOutcome;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The outputs of {@code vgtx scan}: a line per match, and a line per file that could not be hashed. */
sealed interface ScanWriter extends AutoCloseable {
    void write(ScanResult result) throws IOException;

    @Override
    void close() throws IOException;

    /** The fields of a match line, shared by every format. */
    record MatchLine(String path, long entryId, String bank, String label, String category, String type, int distance, String transform) {
        static MatchLine of(String path, Match match) {
            Entry entry = match.entry();
            return new MatchLine(path, entry.id(), entry.bankName(), entry.data().label().orElse(""),
                    entry.data().category().map(Enum::name).orElse(""), match.type().name(), match.distance(),
                    match.transform().map(t -> t.label()).orElse(""));
        }
    }

    /** The PDQ quality of content too flat to match by PDQ (it was still looked up by its digests). */
    private static Optional<Integer> lowQuality(ScanResult result) {
        if (result.matches().map(m -> m.lowQualityPdq()).orElse(false) && result.outcome() instanceof HashOutcome.Hashed hashed)
            return Optional.of(hashed.pdq().quality());
        return Optional.empty();
    }

    private static List<MatchLine> lines(ScanResult result) {
        return result.matches().map(m -> m.matches().stream().map(match -> MatchLine.of(result.outcome().path(), match)).toList())
                .orElse(List.of());
    }

    /**
     * One JSON object per line: matches ({@code path, entry_id, bank, label, category, type, distance, transform}),
     * errors ({@code path, error}) and content too flat for PDQ ({@code path, low_quality, quality}).
     */
    final class JsonLines implements ScanWriter {
        private final JsonGenerator json;

        JsonLines(OutputStream out) throws IOException {
            json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);
        }

        @Override
        public void write(ScanResult result) throws IOException {
            for (MatchLine line : lines(result)) {
                json.writeStartObject();
                json.writeStringField("path", line.path());
                json.writeNumberField("entry_id", line.entryId());
                json.writeStringField("bank", line.bank());
                json.writeStringField("label", line.label());
                json.writeStringField("category", line.category().isEmpty() ? null : line.category());
                json.writeStringField("type", line.type());
                json.writeNumberField("distance", line.distance());
                json.writeStringField("transform", line.transform().isEmpty() ? null : line.transform());
                end();
            }
            if (result.error().isPresent()) {
                json.writeStartObject();
                json.writeStringField("path", result.outcome().path());
                json.writeStringField("error", result.error().get());
                end();
            }
            if (lowQuality(result).isPresent()) {
                json.writeStartObject();
                json.writeStringField("path", result.outcome().path());
                json.writeBooleanField("low_quality", true);
                json.writeNumberField("quality", lowQuality(result).get());
                end();
            }
        }

        private void end() throws IOException {
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        }

        @Override
        public void close() throws IOException {
            json.flush();
        }
    }

    /** CSV with a header: the match fields, and {@code error} for files that could not be hashed; text cells spreadsheet-safe. */
    final class Csv implements ScanWriter {
        private final CSVPrinter csv;

        Csv(OutputStream out) throws IOException {
            csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                    .setHeader("path", "entry_id", "bank", "label", "category", "type", "distance", "transform", "error").get());
        }

        @Override
        public void write(ScanResult result) throws IOException {
            for (MatchLine l : lines(result))
                csv.printRecord(text(l.path()), l.entryId(), text(l.bank()), text(l.label()), l.category(), l.type(), l.distance(), l.transform(), "");
            if (result.error().isPresent())
                csv.printRecord(text(result.outcome().path()), "", "", "", "", "", "", "", text(result.error().get()));
            csv.flush();
        }

        @Override
        public void close() throws IOException {
            csv.flush();
        }

        private static String text(String cell) {
            return cell == null ? null : CsvCells.neutralise(cell);
        }
    }

    /** For people: one line per match; errors go to stderr only. */
    final class Table implements ScanWriter {
        private final PrintStream out;

        Table(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(ScanResult result) {
            for (MatchLine l : lines(result)) {
                List<String> what = new ArrayList<>(List.of(l.type()));
                if (l.type().equals("PDQ")) what.add("distance " + l.distance() + (l.transform().equals("orig") ? "" : ", " + l.transform()));
                out.printf("MATCH  %s  bank '%s' entry %d%s%s  (%s)%n", l.path(), l.bank(), l.entryId(),
                        l.label().isEmpty() ? "" : " '" + l.label() + "'", l.category().isEmpty() ? "" : " category " + l.category(),
                        String.join(", ", what));
            }
            lowQuality(result).ifPresent(quality -> out.printf("LOW QUALITY  %s  PDQ quality %d < 50: looked up by its digests only%n",
                    result.outcome().path(), quality));
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
