package io.vgtx.formats.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.Grade;
import io.vgtx.formats.EntryWriter;
import io.vgtx.formats.support.EntryColumn;
import io.vgtx.formats.support.Grades;
import io.vgtx.formats.support.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/** Writes our entry shape of JSON Lines, every field of every entry (retracted ones too, with their state). */
public final class JsonLinesWriter implements EntryWriter {
    private final JsonGenerator json;

    public JsonLinesWriter(OutputStream out) throws IOException {
        json = Json.generator(out);
        // Each object ends its own line (written below), not Jackson's default space separator.
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(Entry entry) throws IOException {
        json.writeTree(line(entry.data()));
        json.writeRaw('\n');
    }

    private static ObjectNode line(EntryData entry) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        // The quality and the flag as JSON number and boolean, the rest as the same text our CSV has.
        for (EntryColumn column : EntryColumn.values()) {
            switch (column) {
                case QUALITY -> entry.quality().ifPresent(q -> node.put(column.header(), q));
                case VICTIM_IDENTIFIED -> node.put(column.header(), entry.victimIdentified());
                default -> column.text(entry).ifPresent(text -> node.put(column.header(), text));
            }
        }
        node.put("state", entry.state().name());
        if (!entry.grades().isEmpty()) {
            ArrayNode grades = node.putArray("grades");
            for (Grade grade : entry.grades()) grades.add(Grades.toJson(grade));
        }
        // Sorted, so the same entry always prints the same line.
        if (!entry.metadata().isEmpty()) node.set("metadata", Json.MAPPER.valueToTree(new TreeMap<>(entry.metadata())));
        return node;
    }

    @Override
    public Map<String, Long> skipped() {
        return Map.of();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
