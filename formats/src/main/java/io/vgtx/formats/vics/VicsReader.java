package io.vgtx.formats.vics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgtx.core.bank.EntryData;
import io.vgtx.formats.FormatException;
import io.vgtx.formats.support.Json;
import io.vgtx.formats.support.RecordReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads Project VIC JSON with Jackson's streaming parser, holding one Media at a time (a Case is streamed
 * too: a single case may hold millions of Media). See the package description for the mapping.
 */
public final class VicsReader extends RecordReader {
    /** Where the parser is: before the "value" array, in it, in a Case's "Media" array, or done. */
    private enum State { START, VALUE, CASE_MEDIA, END }

    private final JsonParser parser;
    private State state = State.START;
    private Map<String, String> caseFields = Map.of();
    private long mediaCount;

    public VicsReader(InputStream in) throws IOException {
        parser = Json.parser(in);
    }

    @Override
    protected boolean readRecord(Consumer<EntryData> emit) throws IOException, FormatException {
        try {
            return switch (state) {
                case START -> openValue();
                case VALUE -> nextInValue(emit);
                case CASE_MEDIA -> nextInCase(emit);
                case END -> false;
            };
        } catch (JsonProcessingException e) {
            throw Json.malformed(e);
        }
    }

    /** Moves into the root's "value" array; the odata context is not needed, as each element shows what it is. */
    private boolean openValue() throws IOException, FormatException {
        Json.expect(parser, JsonToken.START_OBJECT, "a Project VIC document (an object with a \"value\" array)");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (name.equals("value")) {
                if (token != JsonToken.START_ARRAY) throw new FormatException(Json.line(parser), "\"value\" must be an array of Media or Cases");
                state = State.VALUE;
                return true;
            }
            parser.skipChildren();
        }
        throw new FormatException(Json.line(parser), "no \"value\" array: not a Project VIC document");
    }

    /** The next element of "value": a Media (emitted), or a Case (its fields kept, its Media streamed next). */
    private boolean nextInValue(Consumer<EntryData> emit) throws IOException, FormatException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) return finish();
        if (token != JsonToken.START_OBJECT) throw new FormatException(Json.line(parser), "expected a Media or Case object in \"value\"");
        long line = parser.currentTokenLocation().getLineNr();
        ObjectNode fields = Json.MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() == JsonToken.START_ARRAY && name.equalsIgnoreCase("Media")) {
                caseFields = caseMetadata(fields);
                state = State.CASE_MEDIA;
                return true;
            }
            JsonNode value = Json.MAPPER.readTree(parser);
            fields.set(name, value == null ? NullNode.getInstance() : value);
        }
        emitMedia(fields, line, emit);
        return true;
    }

    private boolean nextInCase(Consumer<EntryData> emit) throws IOException, FormatException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            // Case fields after its Media array come too late for the entries already given; they are passed over.
            skipFields();
            caseFields = Map.of();
            state = State.VALUE;
            return true;
        }
        if (token != JsonToken.START_OBJECT) throw new FormatException(Json.line(parser), "expected a Media object in the case's \"Media\"");
        long line = parser.currentTokenLocation().getLineNr();
        emitMedia((ObjectNode) Json.MAPPER.readTree(parser), line, emit);
        return true;
    }

    private void emitMedia(ObjectNode media, long line, Consumer<EntryData> emit) throws FormatException {
        mediaCount++;
        String id = Json.text(media.get("MediaID"));
        String location = "Media #" + mediaCount + (id == null ? "" : " (MediaID " + id + ")") + " at line " + line;
        at(location);
        List<EntryData> entries = VicsMedia.entries(media, caseFields, location);
        if (entries.isEmpty()) skip("Media without a hash");
        entries.forEach(emit);
    }

    private static Map<String, String> caseMetadata(ObjectNode fields) {
        Map<String, String> metadata = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : fields.properties())
            if (!field.getValue().isNull()) metadata.put(VicsMedia.CASE_PREFIX + field.getKey(), field.getValue().toString());
        return metadata;
    }

    /** The rest of the root object; nothing may follow it. */
    private boolean finish() throws IOException, FormatException {
        skipFields();
        if (parser.nextToken() != null) throw new FormatException(Json.line(parser), "content after the end of the document");
        state = State.END;
        return false;
    }

    private void skipFields() throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            parser.nextToken();
            parser.skipChildren();
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
