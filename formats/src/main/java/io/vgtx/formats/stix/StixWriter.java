package io.vgtx.formats.stix;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vgtx.core.bank.Entry;
import io.vgtx.formats.EntryWriter;
import io.vgtx.formats.WriteOptions;
import io.vgtx.formats.support.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;

/** Writes a STIX 2.1 bundle, one indicator per entry (retracted ones revoked); see the package description. */
public final class StixWriter implements EntryWriter {
    private final JsonGenerator json;
    private final String identityId;
    private final Instant now;

    public StixWriter(OutputStream out, WriteOptions options) throws IOException {
        now = options.now();
        identityId = StixIds.identity(options.producer());
        json = Json.generator(out);
        json.writeStartObject();
        json.writeStringField("type", "bundle");
        json.writeStringField("id", StixIds.bundle(options.producer(), now));
        json.writeArrayFieldStart("objects");
        json.writeObject(StixObjects.identity(options.producer(), now));
        for (Tlp tlp : Tlp.WRITTEN) json.writeObject(tlp.definition());
    }

    @Override
    public void write(Entry entry) throws IOException {
        json.writeObject(StixObjects.indicator(entry, identityId, now));
    }

    @Override
    public Map<String, Long> skipped() {
        return Map.of();
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
