package io.vgtx.cli.files;

import io.vgtx.hashing.content.ContentHasher;
import io.vgtx.hashing.content.HashOutcome;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One input found on the command line or in a folder.
 *
 * @param path    as given or found (its string form is what outputs show)
 * @param problem why it cannot be read (missing, not a regular file), or null when it can
 */
public record InputFile(Path path, String problem) {
    public String label() {
        return path.toString();
    }

    public boolean readable() {
        return problem == null;
    }

    /** Hashes the file, or reports why it cannot be read, as the same kind of outcome. */
    public HashOutcome hashWith(ContentHasher hasher) {
        if (!readable()) return new HashOutcome.Failed(label(), -1, Optional.empty(), problem);
        return hasher.hashFile(path, label());
    }
}
