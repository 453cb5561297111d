package io.vgtx.formats.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.SignalType;
import io.vgtx.formats.FormatException;
import io.vgtx.formats.support.EntryColumn;
import io.vgtx.formats.support.Grades;
import io.vgtx.formats.support.Json;
import io.vgtx.formats.support.RecordReader;
import io.vgtx.formats.support.Streams;
import io.vgtx.formats.support.Values;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads JSON Lines in either shape; see the package description. */
public final class JsonLinesReader extends RecordReader {
    /** The hash fields of {@code vgtx hash --json}, in the order their entries are emitted. */
    private static final List<Map.Entry<String, SignalType>> HASH_FIELDS = List.of(
            Map.entry("pdq", PdqSignal.PDQ), Map.entry("md5", DigestSignal.MD5),
            Map.entry("sha1", DigestSignal.SHA1), Map.entry("sha256", DigestSignal.SHA256));

    /** One line is one object: anything after it on the line is an error, not silently dropped. */
    private static final ObjectReader LINE = Json.MAPPER.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final BufferedReader lines;
    private long lineNumber;

    public JsonLinesReader(InputStream in) throws IOException {
        lines = Streams.reader(in);
    }

    @Override
    protected boolean readRecord(Consumer<EntryData> emit) throws IOException, FormatException {
        String line = lines.readLine();
        if (line == null) return false;
        lineNumber++;
        if (line.isBlank()) return true;
        String location = "line " + lineNumber;
        at(location);
        JsonNode node = parse(line, location);
        if (node.has("type")) emit.accept(entry(node, location));
        else hashes(node, location).forEach(emit);
        return true;
    }

    private static JsonNode parse(String line, String location) throws FormatException {
        try {
            JsonNode node = LINE.readValue(line);
            if (node.isObject()) return node;
        } catch (JsonProcessingException e) {
            throw new FormatException(location, Json.problem(e));
        }
        throw new FormatException(location, "expected a JSON object");
    }

    /** Our entry shape. */
    private static EntryData entry(JsonNode node, String location) throws FormatException {
        EntryData entry = EntryColumn.parse(column -> Json.text(node.get(column.header())), location)
                .withState(Values.optional(location, "state", Json.text(node.get("state")), JsonLinesReader::state).orElse(EntryState.ACTIVE));
        JsonNode grades = node.path("grades");
        if (!grades.isMissingNode() && !grades.isNull()) entry = entry.withGrades(grades(grades, location));
        JsonNode metadata = node.path("metadata");
        if (!metadata.isMissingNode() && !metadata.isNull()) entry = entry.withMetadata(metadata(metadata, location));
        return entry;
    }

    /** What {@code vgtx hash --json} prints: one entry per hash on the line. */
    private List<EntryData> hashes(JsonNode node, String location) throws FormatException {
        List<EntryData> entries = new ArrayList<>();
        String path = Json.text(node.get("path"));
        for (Map.Entry<String, SignalType> field : HASH_FIELDS) {
            String raw = Json.text(node.get(field.getKey()));
            if (raw == null) continue;
            SignalType type = field.getValue();
            EntryData entry = EntryData.of(type, Values.field(location, field.getKey(), () -> type.normalize(raw)));
            if (type.equals(PdqSignal.PDQ)) {
                Optional<Integer> quality = Values.optional(location, "quality", Json.text(node.get("quality")), Values::quality);
                if (quality.isPresent()) entry = entry.withQuality(quality.get());
            }
            entries.add(path == null ? entry : entry.withLabel(path));
        }
        if (entries.isEmpty() && node.has("error")) skip("file that failed to hash");
        else if (entries.isEmpty()) throw new FormatException(location, "no hash: expected pdq, md5, sha1 or sha256 (or type and value)");
        return entries;
    }

    private static EntryState state(String text) {
        try {
            return EntryState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected ACTIVE or RETRACTED, got '" + text + "'");
        }
    }

    private static List<Grade> grades(JsonNode array, String location) throws FormatException {
        if (!array.isArray()) throw new FormatException(location, "grades: expected an array");
        List<Grade> grades = new ArrayList<>();
        for (JsonNode grade : array) grades.add(Grades.fromJson(grade, location));
        return grades;
    }

    private static Map<String, String> metadata(JsonNode object, String location) throws FormatException {
        if (!object.isObject()) throw new FormatException(location, "metadata: expected an object");
        return Json.strings(object);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
