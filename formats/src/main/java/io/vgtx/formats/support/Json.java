package io.vgtx.formats.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vgtx.formats.FormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/** The JSON formats' shared Jackson set-up and error reporting. */
public final class Json {
    /** Snake-case property names, as STIX and our JSON Lines use. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // Absent and empty properties are left out; a map's values are all written (metadata may hold "").
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
            // Writers stream many values into one document; the caller's buffer decides when bytes go out.
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .build();

    private Json() {}

    /**
     * A streaming parser over the input read as UTF-8 text, as every format is (BOM skipped; the caller's stream
     * stays open). Given bytes, Jackson would guess UTF-16 or UTF-32 from zero bytes at the start and then fail
     * with an I/O error instead of a format error (found by fuzzing); as text, such bytes are malformed JSON.
     */
    public static JsonParser parser(InputStream in) throws IOException {
        return MAPPER.createParser(Streams.reader(in));
    }

    /** A streaming generator over the output (the caller's stream stays open). */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return MAPPER.createGenerator(Streams.keepOpen(out));
    }

    /** Where the parser is, as a location for messages. */
    public static String line(JsonParser parser) {
        return "line " + parser.currentTokenLocation().getLineNr();
    }

    /** A syntax error becomes a format error at its line and column. */
    public static FormatException malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String location = at == null ? "input" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new FormatException(location, problem(e));
    }

    /** What is wrong, without where: Jackson's message names only the offending token. */
    public static String problem(JsonProcessingException e) {
        return "malformed JSON: " + firstLine(e.getOriginalMessage());
    }

    /** Checks the parser's next token, or says what was expected where. */
    public static void expect(JsonParser parser, JsonToken expected, String what) throws IOException, FormatException {
        JsonToken token = parser.nextToken();
        if (token != expected) throw new FormatException(line(parser), "expected " + what + ", found " + describe(token));
    }

    /** A scalar's text, or null when the node is absent or JSON null. */
    public static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    /** An object's fields as strings: text values as they are, anything else as its JSON. */
    public static Map<String, String> strings(JsonNode object) {
        Map<String, String> strings = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties())
            strings.put(field.getKey(), field.getValue().isTextual() ? field.getValue().textValue() : field.getValue().toString());
        return strings;
    }

    private static String describe(JsonToken token) {
        if (token == null) return "the end of the input";
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT, END_ARRAY -> "'" + token.asString() + "'";
            case FIELD_NAME -> "a field";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case NOT_AVAILABLE, VALUE_EMBEDDED_OBJECT -> "something else";
        };
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
