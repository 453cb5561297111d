package io.vgtx.formats.vics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PhotoDnaSignal;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;
import io.vgtx.formats.FormatException;
import io.vgtx.formats.support.Json;
import io.vgtx.formats.support.Values;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** One VICS Media to our entries and back; the package description lists the field mapping. */
final class VicsMedia {
    static final String PREFIX = "vics:";
    static final String MEDIA_ID = PREFIX + "MediaID";
    static final String CASE_PREFIX = PREFIX + "Case.";
    /** The alternative hashes we have no type for, as a JSON array, so they are written back. */
    private static final String OTHER_HASHES = PREFIX + "AlternativeHashes";
    /** Media fields that are flags: stored as JSON booleans, written as the strings the tools read. */
    private static final Set<String> FLAGS = Set.of("victimidentified", "offenderidentified", "isdistributed",
            "isprecategorized", "issuspected", "selfgenerated");
    /** The hash types a Media has a field for, in the order written; the others go in AlternativeHashes. */
    private static final List<Map.Entry<SignalType, String>> HASH_FIELDS = List.of(
            Map.entry(DigestSignal.MD5, "MD5"), Map.entry(DigestSignal.SHA1, "SHA1"), Map.entry(PhotoDnaSignal.PHOTODNA, "PhotoDNA"));

    private VicsMedia() {}

    private record Hash(SignalType type, String value) {}

    /** The entries of one Media (none when it has no hash), sharing its fields and its case's. */
    static List<EntryData> entries(ObjectNode media, Map<String, String> caseFields, String location) throws FormatException {
        Set<Hash> hashes = new LinkedHashSet<>();
        ArrayNode otherHashes = Json.MAPPER.createArrayNode();
        Map<String, String> metadata = new TreeMap<>(caseFields);
        Optional<Integer> code = Optional.empty();
        String series = null, label = null;
        boolean victimIdentified = false;
        for (Map.Entry<String, JsonNode> field : media.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name.toLowerCase(Locale.ROOT)) {
                case "md5" -> hash(DigestSignal.MD5, name, value, location).ifPresent(hashes::add);
                case "sha1" -> hash(DigestSignal.SHA1, name, value, location).ifPresent(hashes::add);
                case "photodna" -> hash(PhotoDnaSignal.PHOTODNA, name, value, location).ifPresent(hashes::add);
                case "alternativehashes" -> alternativeHashes(value, hashes, otherHashes, location);
                case "category" -> code = category(value, location);
                case "series" -> series = Values.present(Json.text(value)).orElse(null);
                case "victimidentified" -> victimIdentified = flag(name, value, location);
                case "relativefilepath" -> label = Values.present(Json.text(value)).orElse(null);
                default -> {
                    if (value.isNull()) continue;
                    boolean isFlag = FLAGS.contains(name.toLowerCase(Locale.ROOT));
                    metadata.put(PREFIX + name, isFlag ? String.valueOf(flag(name, value, location)) : value.toString());
                }
            }
        }
        if (!otherHashes.isEmpty()) metadata.put(OTHER_HASHES, otherHashes.toString());
        Optional<Category> category = code.flatMap(VicsCategory::category);
        List<Grade> grades = code.map(c -> List.of(new Grade(VicsCategory.SCHEME, String.valueOf(c), null, null))).orElse(List.of());
        List<EntryData> entries = new ArrayList<>();
        for (Hash hash : hashes)
            entries.add(new EntryData(hash.type(), hash.value(), Optional.empty(), category, Optional.ofNullable(series),
                    victimIdentified, Optional.empty(), Optional.empty(), Optional.ofNullable(label), grades, metadata, EntryState.ACTIVE));
        return entries;
    }

    /** One Media from the entries of one group (see {@link io.vgtx.formats.support.EntryGroups}). */
    static ObjectNode media(List<Entry> group, long mediaId) {
        EntryData first = group.getFirst().data();
        ObjectNode media = Json.MAPPER.createObjectNode().put("MediaID", mediaId);
        Optional<Integer> code = VicsCategory.code(first);
        code.ifPresent(c -> media.put("Category", c));
        for (Map.Entry<SignalType, String> field : HASH_FIELDS)
            find(group, field.getKey()).ifPresent(value -> media.put(field.getValue(), print(field.getKey(), value)));
        first.series().ifPresent(series -> media.put("Series", series));
        media.put("VictimIdentified", String.valueOf(first.victimIdentified()));
        first.label().ifPresent(label -> media.put("RelativeFilePath", label));
        for (Map.Entry<String, String> field : new TreeMap<>(first.metadata()).entrySet()) {
            if (!isMediaField(field.getKey())) continue;
            String name = field.getKey().substring(PREFIX.length());
            if (!media.has(name)) media.set(name, restore(name, field.getValue()));
        }
        // Required by the data model; a Media we give a category to was categorised before anyone reviews it.
        if (!media.has("IsPrecategorized")) media.put("IsPrecategorized", String.valueOf(code.isPresent()));
        ArrayNode alternatives = alternativeHashes(group, find(group, DigestSignal.MD5));
        if (json(first.metadata().getOrDefault(OTHER_HASHES, "[]")) instanceof ArrayNode others) alternatives.addAll(others);
        if (!alternatives.isEmpty()) media.set("AlternativeHashes", alternatives);
        return media;
    }

    /** The MediaID an entry came with (a number, or a string of digits), if any. */
    static Optional<Long> mediaId(EntryData entry) {
        String id = Json.text(json(entry.metadata().getOrDefault(MEDIA_ID, "null")));
        return id != null && id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }

    /** A Case's fields from its entries' metadata, sorted by name; empty for a Media not in a case. */
    static Map<String, String> caseFields(EntryData entry) {
        Map<String, String> fields = new TreeMap<>();
        entry.metadata().forEach((key, value) -> {
            if (key.startsWith(CASE_PREFIX)) fields.put(key.substring(CASE_PREFIX.length()), value);
        });
        return fields;
    }

    /** Metadata text (JSON) back to a field value; a flag as the string the tools read. */
    static JsonNode restore(String name, String text) {
        JsonNode value = json(text);
        return FLAGS.contains(name.toLowerCase(Locale.ROOT)) && value.isBoolean() ? TextNode.valueOf(value.asText()) : value;
    }

    private static boolean isMediaField(String key) {
        return key.startsWith(PREFIX) && !key.startsWith(CASE_PREFIX) && !key.equals(MEDIA_ID) && !key.equals(OTHER_HASHES);
    }

    private static Optional<Hash> hash(SignalType type, String field, JsonNode value, String location) throws FormatException {
        Optional<String> raw = Values.present(Json.text(value));
        if (raw.isEmpty()) return Optional.empty();
        return Optional.of(new Hash(type, Values.field(location, field, () -> type.normalize(raw.get()))));
    }

    private static void alternativeHashes(JsonNode items, Set<Hash> hashes, ArrayNode others, String location) throws FormatException {
        if (items.isNull()) return;
        if (!items.isArray()) throw new FormatException(location, "AlternativeHashes: expected an array");
        for (JsonNode item : items) {
            String name = Json.text(ignoringCase(item, "HashName"));
            JsonNode value = ignoringCase(item, "HashValue");
            Optional<SignalType> type = knownType(name);
            if (type.isPresent() && Json.text(value) != null) hash(type.get(), "AlternativeHashes " + name, value, location).ifPresent(hashes::add);
            else others.add(item);
        }
    }

    private static ArrayNode alternativeHashes(List<Entry> group, Optional<String> md5) {
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (Entry entry : group) {
            SignalType type = entry.data().type();
            if (HASH_FIELDS.stream().anyMatch(field -> field.getKey().equals(type))) continue;
            ObjectNode item = items.addObject();
            md5.ifPresent(value -> item.put("MD5", print(DigestSignal.MD5, value)));
            item.put("HashName", type.name()).put("HashValue", entry.data().value());
        }
        return items;
    }

    private static Optional<Integer> category(JsonNode value, String location) throws FormatException {
        return Values.optional(location, "Category", Json.text(value), text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a code 0..5 or null, got '" + text + "'");
            }
        });
    }

    private static boolean flag(String field, JsonNode value, String location) throws FormatException {
        return Values.optional(location, field, Json.text(value), Values::bool).orElse(false);
    }

    private static Optional<SignalType> knownType(String hashName) {
        if (hashName == null) return Optional.empty();
        try {
            return Optional.of(SignalTypes.byName(hashName));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static JsonNode ignoringCase(JsonNode item, String name) {
        for (Map.Entry<String, JsonNode> field : item.properties()) if (field.getKey().equalsIgnoreCase(name)) return field.getValue();
        return null;
    }

    private static Optional<String> find(List<Entry> group, SignalType type) {
        return group.stream().map(Entry::data).filter(e -> e.type().equals(type)).map(EntryData::value).findFirst();
    }

    /** Digests in upper-case hex and PhotoDNA in base64, as VICS tools write them. */
    private static String print(SignalType type, String value) {
        if (type.equals(PhotoDnaSignal.PHOTODNA)) return Values.photoDnaBase64(value);
        return value.toUpperCase(Locale.ROOT);
    }

    /** Metadata we wrote ourselves is JSON; anything else is kept as a string rather than breaking the document. */
    private static JsonNode json(String text) {
        try {
            JsonNode value = Json.MAPPER.readTree(text);
            if (value != null && !value.isMissingNode()) return value;
        } catch (JsonProcessingException notJson) {
            // kept as text below
        }
        return TextNode.valueOf(text);
    }
}
