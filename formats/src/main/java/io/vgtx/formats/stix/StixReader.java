package io.vgtx.formats.stix;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.signal.SignalType;
import io.vgtx.formats.FormatException;
import io.vgtx.formats.support.Grades;
import io.vgtx.formats.support.Json;
import io.vgtx.formats.support.RecordReader;
import io.vgtx.formats.support.Values;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a STIX 2.1 bundle with Jackson's streaming parser, holding one object of {@code objects} at a time.
 * See the package description for what is imported.
 */
public final class StixReader extends RecordReader {
    /** Objects that frame the indicators rather than being entries: read past without counting. */
    private static final Set<String> ENVELOPE = Set.of("identity", "marking-definition");

    private enum State { START, OBJECTS, END }

    private final JsonParser parser;
    private State state = State.START;
    private long objectCount;

    public StixReader(InputStream in) throws IOException {
        parser = Json.parser(in);
    }

    @Override
    protected boolean readRecord(Consumer<EntryData> emit) throws IOException, FormatException {
        try {
            return switch (state) {
                case START -> openObjects();
                case OBJECTS -> nextObject(emit);
                case END -> false;
            };
        } catch (JsonProcessingException e) {
            throw Json.malformed(e);
        }
    }

    /** Moves into the bundle's "objects" array (a bundle may have none). */
    private boolean openObjects() throws IOException, FormatException {
        Json.expect(parser, JsonToken.START_OBJECT, "a STIX bundle (an object with \"type\": \"bundle\")");
        if (skipRootFieldsUntilObjects()) {
            state = State.OBJECTS;
            return true;
        }
        return end();
    }

    private boolean nextObject(Consumer<EntryData> emit) throws IOException, FormatException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            skipRootFieldsUntilObjects();
            return end();
        }
        if (token != JsonToken.START_OBJECT) throw new FormatException(Json.line(parser), "expected a STIX object in \"objects\"");
        long line = parser.currentTokenLocation().getLineNr();
        JsonNode object = Json.MAPPER.readTree(parser);
        objectCount++;
        String id = Json.text(object.get("id"));
        String location = "object #" + objectCount + (id == null ? "" : " (id " + id + ")") + " at line " + line;
        at(location);
        String type = Json.text(object.get("type"));
        if (type == null) throw new FormatException(location, "type: missing");
        if (type.equals("indicator")) indicator(object, location).forEach(emit);
        else if (!ENVELOPE.contains(type)) skip(type);
        return true;
    }

    /** Reads root fields, checking the bundle's type, up to "objects" (true) or the end of the root (false). */
    private boolean skipRootFieldsUntilObjects() throws IOException, FormatException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (name.equals("objects") && token == JsonToken.START_ARRAY) return true;
            if (name.equals("type") && !"bundle".equals(parser.getValueAsString()))
                throw new FormatException(Json.line(parser), "not a STIX bundle: type is '" + parser.getValueAsString() + "'");
            parser.skipChildren();
        }
        return false;
    }

    private boolean end() throws IOException, FormatException {
        if (parser.nextToken() != null) throw new FormatException(Json.line(parser), "content after the end of the bundle");
        state = State.END;
        return false;
    }

    /** One entry per hash comparison of the indicator's pattern; none (and counted) when it is not one of ours to read. */
    private List<EntryData> indicator(JsonNode indicator, String location) throws FormatException {
        String patternType = Json.text(indicator.get("pattern_type"));
        String pattern = Json.text(indicator.get("pattern"));
        if (pattern == null) throw new FormatException(location, "pattern: missing");
        if (!"stix".equals(patternType)) {
            skip("indicator with pattern_type " + patternType);
            return List.of();
        }
        Optional<List<StixPatterns.Comparison>> comparisons = StixPatterns.fileHashes(pattern);
        if (comparisons.isEmpty()) {
            skip("indicator with a pattern other than file hashes");
            return List.of();
        }
        BiFunction<SignalType, String, EntryData> withSharedFields = shared(indicator, location);
        List<EntryData> entries = new ArrayList<>();
        for (StixPatterns.Comparison comparison : comparisons.get()) {
            Optional<SignalType> type = StixPatterns.type(comparison.hashName());
            if (type.isEmpty()) {
                skip("indicator with hash " + comparison.hashName());
                continue;
            }
            String value = Values.field(location, "pattern", () -> type.get().normalize(comparison.value()));
            entries.add(withSharedFields.apply(type.get(), value));
        }
        return entries;
    }

    /** The indicator's fields, which every entry of its pattern shares; parsed once, so a bad value fails here. */
    private static BiFunction<SignalType, String, EntryData> shared(JsonNode indicator, String location) throws FormatException {
        String label = Json.text(indicator.get("name"));
        Instant firstSeen = optional(indicator, "valid_from", location, Values::instant).orElse(null);
        Distribution distribution = distribution(indicator.path("object_marking_refs")).orElse(null);
        EntryState state = indicator.path("revoked").asBoolean(false) ? EntryState.RETRACTED : EntryState.ACTIVE;
        Category category = optional(indicator, "x_vgtx_category", location, Category::parse).orElse(null);
        String series = Json.text(indicator.get("x_vgtx_series"));
        boolean victimIdentified = optional(indicator, "x_vgtx_victim_identified", location, Values::bool).orElse(false);
        Optional<Integer> quality = optional(indicator, "x_vgtx_quality", location, Values::quality);
        List<Grade> grades = new ArrayList<>();
        for (JsonNode grade : indicator.path("x_vgtx_grades")) grades.add(Grades.fromJson(grade, location));
        Map<String, String> metadata = Json.strings(indicator.path("x_vgtx_metadata"));
        return (type, value) -> new EntryData(type, value, quality, Optional.ofNullable(category), Optional.ofNullable(series),
                victimIdentified, Optional.ofNullable(firstSeen), Optional.ofNullable(distribution), Optional.ofNullable(label),
                grades, metadata, state);
    }

    private static <T> Optional<T> optional(JsonNode object, String field, String location, Function<String, T> parse) throws FormatException {
        return Values.optional(location, field, Json.text(object.get(field)), parse);
    }

    /** The most restrictive TLP marking we know among the references. */
    private static Optional<Distribution> distribution(JsonNode markingRefs) {
        List<Distribution> found = new ArrayList<>();
        for (JsonNode ref : markingRefs) Tlp.distribution(ref.asText()).ifPresent(found::add);
        return found.stream().max(Comparator.naturalOrder());
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
