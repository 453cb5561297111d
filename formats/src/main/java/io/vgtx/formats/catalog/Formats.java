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
}
