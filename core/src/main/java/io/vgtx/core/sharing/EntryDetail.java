package io.vgtx.core.sharing;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.Opinion;

import java.util.List;

/** One visible entry with the other organisations' confirmations and disputes of it. */
public record EntryDetail(Entry entry, List<Opinion> opinions) {
    public EntryDetail {
        opinions = List.copyOf(opinions);
    }
}
