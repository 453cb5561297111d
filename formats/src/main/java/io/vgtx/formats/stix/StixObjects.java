package io.vgtx.formats.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.formats.support.Grades;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The STIX objects we write, as records (names become snake case; absent and empty values are left out). */
final class StixObjects {
    /** {@code created} and {@code modified} are precise to the millisecond (STIX 2.1 §3.2). */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StixObjects() {}

    record Identity(String type, String specVersion, String id, String created, String modified, String name, String identityClass) {}

    record MarkingDefinition(String type, String specVersion, String id, String created, String definitionType, String name,
                             Map<String, String> definition) {}

    record Indicator(String type, String specVersion, String id, String createdByRef, String created, String modified,
                     String name, String pattern, String patternType, String validFrom, Boolean revoked,
                     List<String> objectMarkingRefs, String xVgtxCategory, String xVgtxSeries, boolean xVgtxVictimIdentified,
                     Integer xVgtxQuality, List<ObjectNode> xVgtxGrades, Map<String, String> xVgtxMetadata) {}

    static Identity identity(String organisation, Instant now) {
        return new Identity("identity", "2.1", StixIds.identity(organisation), timestamp(now), timestamp(now), organisation, "organization");
    }

    static Indicator indicator(Entry entry, String createdByRef, Instant now) {
        EntryData data = entry.data();
        Instant validFrom = data.firstSeen().orElse(now);
        // Created when first seen, so every export of the entry agrees; never after this version's modified.
        Instant created = validFrom.isBefore(now) ? validFrom : now;
        return new Indicator("indicator", "2.1", StixIds.indicator(entry), createdByRef, timestamp(created), timestamp(now),
                data.label().orElse(null), StixPatterns.pattern(data.type(), data.value()), "stix", validFrom.toString(),
                data.state() == EntryState.RETRACTED ? Boolean.TRUE : null,
                data.distribution().map(d -> List.of(Tlp.of(d).id())).orElse(List.of()),
                data.category().map(Category::name).orElse(null), data.series().orElse(null), data.victimIdentified(),
                data.quality().orElse(null), data.grades().stream().map(Grades::toJson).toList(), new TreeMap<>(data.metadata()));
    }

    private static String timestamp(Instant instant) {
        return MILLIS.format(instant);
    }
}
