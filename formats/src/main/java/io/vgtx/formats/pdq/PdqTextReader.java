package io.vgtx.formats.pdq;

import io.vgtx.core.bank.EntryData;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.formats.FormatException;
import io.vgtx.formats.support.RecordReader;
import io.vgtx.formats.support.Streams;
import io.vgtx.formats.support.Values;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Reads a PDQ hash list; see the package description. */
public final class PdqTextReader extends RecordReader {
    private final BufferedReader lines;
    private long lineNumber;

    public PdqTextReader(InputStream in) throws IOException {
        lines = Streams.reader(in);
    }

    @Override
    protected boolean readRecord(Consumer<EntryData> emit) throws IOException, FormatException {
        String line = lines.readLine();
        if (line == null) return false;
        lineNumber++;
        String text = line.strip();
        at("line " + lineNumber);
        if (!text.isEmpty() && !text.startsWith("#")) emit.accept(entry(text, "line " + lineNumber));
        return true;
    }

    private static EntryData entry(String text, String location) throws FormatException {
        // The filename comes last and may itself contain commas.
        String[] parts = text.split(",", 3);
        EntryData entry = EntryData.of(PdqSignal.PDQ, Values.field(location, "hash", () -> PdqSignal.PDQ.normalize(parts[0])));
        if (parts.length > 1 && !parts[1].isBlank()) {
            int quality = Values.field(location, "quality", () -> Values.quality(parts[1]));
            entry = entry.withQuality(quality);
        }
        if (parts.length > 2 && !parts[2].isBlank()) entry = entry.withLabel(parts[2].strip());
        return entry;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
