package io.vgtx.formats.support;

import io.vgtx.core.bank.Entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts back together the entries that one source record gave (the MD5, SHA-1 and PhotoDNA of one VICS
 * Media or ICSE row), so a re-export writes one record again. Entries belong together when they follow each
 * other, come from the same bank and carry the same record id in their metadata — or, having no id, the
 * same label (the path {@code vgtx hash} gave each hash of one file). An entry with neither, or with a hash
 * type the group already has, starts a new record. Only the current group is held.
 */
public final class EntryGroups {
    private final String idKey;
    private final List<Entry> current = new ArrayList<>();

    /** @param idKey the metadata key of the source record's id, e.g. {@code vics:MediaID} */
    public EntryGroups(String idKey) {
        this.idKey = idKey;
    }

    /** Adds an entry; returns the group it completes, if it starts a new one. */
    public Optional<List<Entry>> add(Entry entry) {
        Optional<List<Entry>> done = belongs(entry) ? Optional.empty() : finish();
        current.add(entry);
        return done;
    }

    /** The last group, at the end of the entries. */
    public Optional<List<Entry>> finish() {
        if (current.isEmpty()) return Optional.empty();
        List<Entry> group = List.copyOf(current);
        current.clear();
        return Optional.of(group);
    }

    private boolean belongs(Entry entry) {
        if (current.isEmpty()) return true;
        Entry first = current.getFirst();
        Optional<String> key = key(entry);
        return key.isPresent() && key.equals(key(first)) && entry.bankId() == first.bankId()
                && current.stream().noneMatch(e -> Objects.equals(e.data().type(), entry.data().type()));
    }

    private Optional<String> key(Entry entry) {
        String id = entry.data().metadata().get(idKey);
        return id != null ? Optional.of("id " + id) : entry.data().label().map(label -> "label " + label);
    }
}
