package io.vgtx.formats.vics;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.formats.EntryWriter;
import io.vgtx.formats.support.EntryGroups;
import io.vgtx.formats.support.Json;
import io.vgtx.formats.support.Skips;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes a Project VIC 2.0 document, one Media per group of entries; see the package description. */
public final class VicsWriter implements EntryWriter {
    private static final String CONTEXT = "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#";

    private final JsonGenerator json;
    private final EntryGroups groups = new EntryGroups(VicsMedia.MEDIA_ID);
    private final Skips skips = new Skips();
    private boolean started;
    private boolean cases;
    /** The fields of the Case being written, or null before the first. */
    private Map<String, String> currentCase;
    private long highestMediaId;

    public VicsWriter(OutputStream out) throws IOException {
        json = Json.generator(out);
    }

    @Override
    public void write(Entry entry) throws IOException {
        if (entry.data().state() == EntryState.RETRACTED) {
            skips.count("retracted");
            return;
        }
        Optional<List<Entry>> done = groups.add(entry);
        if (done.isPresent()) writeMedia(done.get());
    }

    private void writeMedia(List<Entry> group) throws IOException {
        if (group.stream().noneMatch(entry -> entry.data().type().equals(DigestSignal.MD5))) {
            group.forEach(entry -> skips.count("no MD5 (the key of a VICS Media)"));
            return;
        }
        Map<String, String> caseFields = VicsMedia.caseFields(group.getFirst().data());
        if (!started) start(!caseFields.isEmpty());
        if (cases && !caseFields.equals(currentCase)) openCase(caseFields);
        json.writeTree(VicsMedia.media(group, mediaId(group)));
    }

    private void start(boolean asCases) throws IOException {
        started = true;
        cases = asCases;
        json.writeStartObject();
        json.writeStringField("@odata.context", CONTEXT + (cases ? "Cases" : "Media"));
        json.writeArrayFieldStart("value");
    }

    private void openCase(Map<String, String> fields) throws IOException {
        if (currentCase != null) closeCase();
        json.writeStartObject();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            json.writeFieldName(field.getKey());
            json.writeTree(VicsMedia.restore(field.getKey(), field.getValue()));
        }
        json.writeArrayFieldStart("Media");
        currentCase = fields;
    }

    private void closeCase() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The Media's own id when it came from VICS, else the next after the highest written (MediaID is required). */
    private long mediaId(List<Entry> group) {
        long id = VicsMedia.mediaId(group.getFirst().data()).orElse(highestMediaId + 1);
        highestMediaId = Math.max(highestMediaId, id);
        return id;
    }

    @Override
    public Map<String, Long> skipped() {
        return skips.counts();
    }

    @Override
    public void close() throws IOException {
        Optional<List<Entry>> last = groups.finish();
        if (last.isPresent()) writeMedia(last.get());
        if (!started) start(false);
        if (currentCase != null) closeCase();
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
