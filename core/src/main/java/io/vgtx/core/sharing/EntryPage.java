package io.vgtx.core.sharing;

import io.vgtx.core.bank.Entry;

import java.util.List;
import java.util.OptionalLong;

/** Visible entries in id order, and the cursor of the next page (absent at the end). */
public record EntryPage(List<Entry> entries, OptionalLong next) {
    public EntryPage {
        entries = List.copyOf(entries);
    }
}
