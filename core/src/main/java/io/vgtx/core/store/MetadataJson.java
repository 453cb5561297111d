package io.vgtx.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.TreeMap;

/** An entry's free metadata as the JSON text in {@code entries.metadata}. */
final class MetadataJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

    private MetadataJson() {}

    /** NULL for no metadata; keys sorted, so equal maps are equal text. */
    static String write(Map<String, String> metadata) {
        if (metadata.isEmpty()) return null;
        try {
            return JSON.writeValueAsString(new TreeMap<>(metadata));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write entry metadata as JSON", e);
        }
    }

    static Map<String, String> read(String json) {
        if (json == null) return Map.of();
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("entry metadata in the database is not a JSON object of strings", e);
        }
    }
}
