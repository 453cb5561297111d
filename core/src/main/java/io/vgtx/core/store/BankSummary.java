package io.vgtx.core.store;

import io.vgtx.core.bank.Bank;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bank and how many active entries it holds.
 *
 * @param activeEntries per hash type, only the types it has, in {@link SignalTypes#ALL} order
 */
public record BankSummary(Bank bank, Map<SignalType, Long> activeEntries) {
    public BankSummary {
        activeEntries = Collections.unmodifiableMap(new LinkedHashMap<>(activeEntries));
    }

    public long activeTotal() {
        return activeEntries.values().stream().mapToLong(Long::longValue).sum();
    }
}
