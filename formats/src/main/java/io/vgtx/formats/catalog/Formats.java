package io.vgtx.formats.catalog;

import io.vgtx.formats.EntryReader;
import io.vgtx.formats.EntryWriter;
import io.vgtx.formats.Format;
import io.vgtx.formats.ReadOptions;
import io.vgtx.formats.WriteOptions;

import io.vgtx.formats.csv.CsvEntryReader;
import io.vgtx.formats.csv.CsvEntryWriter;
import io.vgtx.formats.icse.IcseReader;
import io.vgtx.formats.icse.IcseWriter;
import io.vgtx.formats.jsonl.JsonLinesReader;
import io.vgtx.formats.jsonl.JsonLinesWriter;
import io.vgtx.formats.pdq.PdqTextReader;
import io.vgtx.formats.pdq.PdqTextWriter;
import io.vgtx.formats.stix.StixReader;
import io.vgtx.formats.stix.StixWriter;
import io.vgtx.formats.vics.VicsReader;
import io.vgtx.formats.vics.VicsWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one entry point to every exchange format. Readers and writers stream in constant memory; closing
 * one never closes the caller's stream. What each format carries is described in its package.
 */
public final class Formats {
    private Formats() {}

    public static EntryReader reader(Format format, InputStream in, ReadOptions options) throws IOException {
        return switch (format) {
            case CSV -> new CsvEntryReader(in, options.ignoreUnknownColumns());
            case PDQ -> new PdqTextReader(in);
            case JSONL -> new JsonLinesReader(in);
            case VICS -> new VicsReader(in);
            case ICSE -> new IcseReader(in);
            case STIX -> new StixReader(in);
        };
    }

    public static EntryWriter writer(Format format, OutputStream out, WriteOptions options) throws IOException {
        return switch (format) {
            case CSV -> new CsvEntryWriter(out);
            case PDQ -> new PdqTextWriter(out);
            case JSONL -> new JsonLinesWriter(out);
            case VICS -> new VicsWriter(out);
            case ICSE -> new IcseWriter(out);
            case STIX -> new StixWriter(out, options);
        };
    }

    /** How much of a file {@link #detect} needs to see. */
    public static final int DETECT_BYTES = 64 * 1024;

    private static final Pattern VICS_CONTEXT = Pattern.compile("\"(odata\\.metadata|@odata\\.context)\"\\s*:");
    /** A bundle may name its own type last, after every object: an object's STIX type shows it too. */
    private static final Pattern STIX_BUNDLE = Pattern.compile("\"type\"\\s*:\\s*\"(bundle|indicator|identity|marking-definition)\"");
    private static final Pattern PDQ_LINE = Pattern.compile("[0-9a-fA-F]{64}\\s*(,.*)?");

    /**
     * The format a file is in, from its first bytes (up to {@link #DETECT_BYTES}), when they show it: a Project VIC
     * odata context, a STIX bundle, one JSON object per line, a PDQ hash per line, an ICSE {@code MD5;…} header, or a
     * CSV header naming {@code type} or {@code value}. Empty when they do not; the caller should then ask which.
     */
    public static Optional<Format> detect(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").stripLeading();
        if (text.startsWith("{")) {
            if (VICS_CONTEXT.matcher(text).find()) return Optional.of(Format.VICS);
            if (STIX_BUNDLE.matcher(text).find()) return Optional.of(Format.STIX);
            String first = text.lines().findFirst().orElse("").strip();
            return first.endsWith("}") ? Optional.of(Format.JSONL) : Optional.empty();
        }
        Optional<String> line = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst();
        if (line.isEmpty()) return text.isEmpty() ? Optional.empty() : Optional.of(Format.PDQ);
        String first = line.get();
        if (PDQ_LINE.matcher(first).matches()) return Optional.of(Format.PDQ);
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.startsWith("md5;")) return Optional.of(Format.ICSE);
        for (String column : lower.split(",")) {
            String name = column.strip().replace("\"", "");
            if (name.equals("type") || name.equals("value")) return Optional.of(Format.CSV);
        }
        return Optional.empty();
    }
}
