package io.vgtx.formats.pdq;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.formats.EntryWriter;
import io.vgtx.formats.support.Skips;
import io.vgtx.formats.support.Streams;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Map;

/** Writes a PDQ hash list, {@code hash[,quality]} per line; see the package description. */
public final class PdqTextWriter implements EntryWriter {
    private final Writer out;
    private final Skips skips = new Skips();

    public PdqTextWriter(OutputStream out) {
        this.out = Streams.writer(out);
    }

    @Override
    public void write(Entry entry) throws IOException {
        EntryData data = entry.data();
        if (!data.type().equals(PdqSignal.PDQ)) skips.count(data.type().name() + " (not PDQ)");
        else if (data.state() == EntryState.RETRACTED) skips.count("retracted");
        else out.write(data.value() + data.quality().map(q -> "," + q).orElse("") + "\n");
    }

    @Override
    public Map<String, Long> skipped() {
        return skips.counts();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
