package io.vgtx.cli.hash;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.digest.Digests;
import io.vgtx.hashing.pdq.Dihedral;
import io.vgtx.hashing.pdq.PdqHash;
import io.vgtx.hashing.pdq.PdqResult;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * One JSON object per line: {@code path, size, md5, sha1, sha256, pdq, quality, width, height}
 * ({@code pdq_dihedral} with --dihedral); a file that failed has {@code error} instead of the image fields.
 * This is also the {@code jsonl} import format of hash banks.
 */
final class JsonLinesHashWriter implements HashWriter {
    private final JsonGenerator json;

    JsonLinesHashWriter(OutputStream out) throws IOException {
        json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        // Each object ends its own line, so a reader of a pipe gets every line as soon as it is written.
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(HashOutcome outcome) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", outcome.path());
        if (outcome.size() >= 0) json.writeNumberField("size", outcome.size());
        if (outcome.digests().isPresent()) writeDigests(outcome.digests().get());
        switch (outcome) {
            case HashOutcome.Hashed hashed -> writeImage(hashed);
            case HashOutcome.Failed failed -> json.writeStringField("error", failed.reason());
        }
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }

    private void writeDigests(Digests digests) throws IOException {
        json.writeStringField("md5", digests.md5());
        json.writeStringField("sha1", digests.sha1());
        json.writeStringField("sha256", digests.sha256());
    }

    private void writeImage(HashOutcome.Hashed hashed) throws IOException {
        PdqResult pdq = hashed.pdq();
        json.writeStringField("pdq", pdq.hash().toHex());
        json.writeNumberField("quality", pdq.quality());
        if (pdq.isLowQuality()) json.writeBooleanField("low_quality", true);
        json.writeNumberField("width", hashed.width());
        json.writeNumberField("height", hashed.height());
        if (pdq.hasDihedral()) {
            json.writeObjectFieldStart("pdq_dihedral");
            for (Map.Entry<Dihedral, PdqHash> variant : pdq.dihedral().entrySet())
                json.writeStringField(variant.getKey().label(), variant.getValue().toHex());
            json.writeEndObject();
        }
    }

    @Override
    public void close() throws IOException {
        json.flush();
    }
}
