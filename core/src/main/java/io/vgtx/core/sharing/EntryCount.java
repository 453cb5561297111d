package io.vgtx.core.sharing;

import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.signal.SignalType;

import java.util.Optional;

/**
 * How many active entries one organisation may see with this category (empty: none given), distribution and hash
 * type, over every bank: a count, never an entry, so reading it is not audited.
 */
public record EntryCount(Optional<Category> category, Distribution distribution, SignalType type, long count) {
}
