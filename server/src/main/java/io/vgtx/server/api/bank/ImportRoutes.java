package io.vgtx.server.api.bank;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.sharing.SharedBanks;
import io.vgtx.core.sharing.SharedMatching;
import io.vgtx.core.store.ImportFailedException;
import io.vgtx.formats.Format;
import io.vgtx.formats.FormatException;
import io.vgtx.formats.ReadOptions;
import io.vgtx.formats.catalog.FileImport;
import io.vgtx.formats.catalog.Formats;
import io.vgtx.server.api.bank.Views.FileImported;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.http.Params;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.problem.ApiProblem;
import io.vgtx.server.problem.ProblemType;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * A whole file of any exchange format imported into a bank in one transaction: {@code POST /api/v1/banks/{id}/import}.
 * The body is first written to a private temporary file and only then imported: a slow upload must not hold the node's
 * single write transaction (every other write would wait for it), and the readers stream, so the body is never held in
 * memory. The file holds hashes and metadata only, as the database does, and is deleted when the request ends.
 */
public final class ImportRoutes implements ApiRoutes {
    /** Uploads spooled at once: one importing and one arriving keeps the write lock busy without filling the disk. */
    static final int CONCURRENT_IMPORTS = 2;
    private static final String FORMATS = "csv, pdq, jsonl, vics, icse or stix";

    private final SharedBanks banks;
    private final SharedMatching matching;
    private final Semaphore slots = new Semaphore(CONCURRENT_IMPORTS);

    public ImportRoutes(NodeServices services) {
        this.banks = services.banks();
        this.matching = services.matching();
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.post("/api/v1/banks/{id}/import").summary("Import a file into your own bank, all or nothing").tag("banks")
                .description("The request body is the file itself, in any exchange format the CLI's `vgtx bank import` reads, of any "
                        + "length up to the node's upload limit. It is imported in one transaction: the first bad record is named "
                        + "(`line 17: value: …`, `record 3: …`) in a 400 and nothing is written — no entry, no change-log entry. "
                        + "Without `format` the format is recognised from the file's first bytes. `skipped` counts records the "
                        + "format allows but we do not import (e.g. STIX objects that are not indicators), by kind.")
                .acceptsFile("The file, as is.", "application/octet-stream", "text/csv", "text/plain", "application/json", "application/jsonl")
                .query("format", FORMATS + "; default: recognised from the file.")
                .query("ignoreUnknown", "CSV: `true` passes over columns we do not know instead of refusing the file.")
                .returns(FileImported.class)
                .handle(this::importFile));
    }

    private FileImported importFile(ApiCall call) throws IOException {
        Principal principal = BankRoutes.principal(call);
        long bankId = Params.id(call, "id");
        Optional<Format> asked = call.queryParam("format").map(BankRoutes::format);
        ReadOptions options = new ReadOptions(call.queryParam("ignoreUnknown").map(Boolean::parseBoolean).orElse(false));
        // Refused before a byte of the body is read.
        banks.importable(principal, bankId);
        if (!slots.tryAcquire()) {
            throw new ApiProblem(ProblemType.UNAVAILABLE, "Other imports are running on this node; try again in a minute.",
                    Map.of("Retry-After", Long.toString(Duration.ofMinutes(1).toSeconds())));
        }
        Path spool = null;
        try {
            spool = spool(call);
            Format format = asked.isPresent() ? asked.get() : detect(spool);
            long bytes = Files.size(spool);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(spool), 1 << 16)) {
                FileImport.Outcome outcome = FileImport.run(format, in, options, source -> banks.importEntries(principal, bankId, source,
                        Map.of("format", format.name().toLowerCase(Locale.ROOT), "bytes", Long.toString(bytes))));
                // The index applies a change at a time (about 10 s for a million): the importer waits for that, not the next matcher.
                matching.refreshIndex();
                return FileImported.of(outcome, bytes);
            } catch (ImportFailedException e) {
                throw refused(e);
            }
        } finally {
            if (spool != null) Files.deleteIfExists(spool);
            slots.release();
        }
    }

    /** The body in a temporary file only this process's user may read. */
    private static Path spool(ApiCall call) throws IOException {
        Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile("vgtx-import-", ".part", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile("vgtx-import-", ".part");
        try (InputStream in = call.upload(); OutputStream out = Files.newOutputStream(file)) {
            copy(in, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (Files.size(file) == 0) {
            Files.delete(file);
            throw ApiProblem.validation("The request body is empty: send the file itself as the body.");
        }
        return file;
    }

    /**
     * Copies the upload. A failed read is the client's (it went away, or stalled past the server's idle timeout): a 400,
     * not the node's error; a failed write (the disk is full) stays the node's. Every format imported is text, so a chunk
     * holding a NUL byte is refused before it is written: an image sent here by mistake (every image format has NUL bytes
     * in its first few bytes) is never written anywhere, as the node never keeps image content.
     */
    static void copy(InputStream upload, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        while (true) {
            int n;
            try {
                n = upload.read(buffer);
            } catch (IOException e) {
                throw ApiProblem.validation("The upload broke off after " + copied + " bytes; nothing was imported.");
            }
            if (n < 0) return;
            if (holdsNul(buffer, n)) {
                throw ApiProblem.unsupportedMediaType("The import takes hash lists, which are text (UTF-8); this upload holds binary "
                        + "content (an image?). It was refused and nothing of it was kept; match images with /api/v1/match/image.");
            }
            out.write(buffer, 0, n);
            copied += n;
        }
    }

    private static boolean holdsNul(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == 0) return true;
        }
        return false;
    }

    private static Format detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(Formats.DETECT_BYTES);
        }
        return Formats.detect(head).orElseThrow(() -> ApiProblem.validation(
                "Cannot tell the file's format from its first bytes; say which with ?format=" + FORMATS.replace(", ", "|").replace(" or ", "|") + "."));
    }

    /** A bad record is the client's: a 400 naming it. Anything else (the temporary file unreadable) is the node's. */
    private static RuntimeException refused(ImportFailedException e) {
        return switch (e.getCause()) {
            case FormatException bad -> ApiProblem.validation("Nothing was imported: " + bad.getMessage());
            case IllegalArgumentException invalid when invalid.getMessage() != null ->
                    ApiProblem.validation("Nothing was imported: after " + e.entriesRead() + " entries: " + invalid.getMessage());
            default -> e;
        };
    }
}
