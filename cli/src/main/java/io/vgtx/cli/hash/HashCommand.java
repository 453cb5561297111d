package io.vgtx.cli.hash;

import io.vgtx.cli.concurrent.BatchOptions;
import io.vgtx.cli.concurrent.OrderedParallel;
import io.vgtx.cli.files.InputFiles;
import io.vgtx.cli.output.Progress;
import io.vgtx.hashing.content.ContentHasher;
import io.vgtx.hashing.content.HashOptions;
import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.image.DecodeOptions;
import io.vgtx.hashing.image.ImageDecoders;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vgtx hash}: MD5, SHA-1, SHA-256 and PDQ of image files and folders. */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = {"Compute MD5, SHA-1, SHA-256 and the PDQ perceptual hash of images.",
                "Folders are walked recursively; output follows the order of the arguments and of file names.",
                "Exit status: 0 all files hashed, 1 some files failed, 2 usage error."})
public final class HashCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Image files or folders.")
    List<Path> paths;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "One JSON object per line (path, size, md5, sha1, sha256, pdq, quality, width, height).")
        boolean json;

        @Option(names = "--csv", description = "CSV with a header row.")
        boolean csv;
    }

    @Option(names = "--dihedral", description = "Also print the PDQ hashes of the 7 rotated and mirrored variants.")
    boolean dihedral;

    @Option(names = "--fast", description = "Faster, slightly less exact: scaled JPEG decoding and a 512-pixel pre-resize (see README for the deviation).")
    boolean fast;

    @Option(names = "--apply-exif", description = "Turn images upright by their EXIF orientation first (the reference PDQ tools do not).")
    boolean applyExif;

    @Option(names = "--max-pixels", paramLabel = "N", description = "Refuse images with more pixels than this, from the header (default: ${DEFAULT-VALUE}).")
    long maxPixels = DecodeOptions.DEFAULT_MAX_PIXELS;

    @Mixin
    BatchOptions batch;

    @Override
    public Integer call() throws IOException {
        if (maxPixels < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-pixels must be at least 1");
        int threads = batch.threads(spec.commandLine());
        ContentHasher hasher = new ContentHasher(ImageDecoders.detect(), hashOptions());
        InputFiles inputs = new InputFiles(paths);
        PrintStream out = System.out;
        PrintStream err = System.err;
        int[] failures = {0};
        try (Progress progress = Progress.start("Hashing", inputs::count, batch.progressWanted());
             HashWriter writer = writer(out, progress)) {
            OrderedParallel.run(inputs.iterator(), threads, input -> input.hashWith(hasher), outcome -> {
                progress.step();
                if (outcome instanceof HashOutcome.Failed failed) {
                    failures[0]++;
                    err.println(progress.clearLine() + "vgtx: " + failed.path() + ": " + failed.reason());
                }
                write(writer, outcome);
            });
        }
        return failures[0] == 0 ? 0 : 1;
    }

    private HashOptions hashOptions() {
        DecodeOptions decode = DecodeOptions.canonical().withMaxPixels(maxPixels).withExifOrientation(applyExif);
        return HashOptions.canonical().withDecode(decode).withDihedral(dihedral).withFast(fast);
    }

    private HashWriter writer(PrintStream out, Progress progress) throws IOException {
        if (format.json) return new JsonLinesHashWriter(out);
        if (format.csv) return new CsvHashWriter(out, dihedral);
        return new TableHashWriter(out, progress::clearLine);
    }

    private static void write(HashWriter writer, HashOutcome outcome) {
        try {
            writer.write(outcome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
