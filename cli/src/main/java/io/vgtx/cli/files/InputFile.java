package io.vgtx.cli.files;

import java.nio.file.Path;

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
}
