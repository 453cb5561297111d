package io.vgtx.core.store;

import io.vgtx.core.bank.EntryData;
import io.vgtx.core.signal.SignalType;

/** What makes an entry unique within its bank. */
record HashKey(SignalType type, String value) {
    static HashKey of(EntryData data) {
        return new HashKey(data.type(), data.value());
    }
}
