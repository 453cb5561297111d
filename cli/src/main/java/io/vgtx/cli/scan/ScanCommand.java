package io.vgtx.cli.scan;

import io.vgtx.cli.concurrent.BatchOptions;
import io.vgtx.cli.concurrent.OrderedParallel;
import io.vgtx.cli.files.InputFiles;
import io.vgtx.cli.node.Node;
import io.vgtx.cli.node.NodeOptions;
import io.vgtx.cli.output.Progress;
import io.vgtx.core.match.MatchIndex;
import io.vgtx.core.match.MatchQuery;
import io.vgtx.core.match.Matcher;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.hashing.content.ContentHasher;
import io.vgtx.hashing.content.HashOptions;
import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.image.ImageDecoders;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code vgtx scan}: finds known material in files, folders and ZIP archives. Every file is hashed in
 * memory (archive members too: nothing is extracted to disk) and looked up by its digests and by its PDQ
 * hash in all eight orientations.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Find known material in files, folders and ZIP archives (members are read in memory, never extracted).",
                "Looks up MD5, SHA-1, SHA-256 exactly and PDQ within the threshold, including rotated and mirrored copies.",
                "Exit status: 0 nothing found, 1 matches found, 2 errors only (some files could not be hashed), 3 internal error."})
public final class ScanCommand implements Callable<Integer> {
    static final int FOUND = 1;
    static final int ERRORS_ONLY = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    NodeOptions node;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or ZIP archives.")
    List<Path> paths;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "One JSON object per match (path, entry_id, bank, label, category, type, distance, transform) or per error (path, error).")
        boolean json;

        @Option(names = "--csv", description = "CSV with a header row.")
        boolean csv;
    }

    @Option(names = "--threshold", paramLabel = "N", description = "Largest PDQ distance that counts as a match, 0..31 (default: ${DEFAULT-VALUE}).")
    int threshold = PdqSignal.DEFAULT_THRESHOLD;

    @Option(names = "--bank", paramLabel = "NAME", description = "Only report matches from this bank.")
    String bank;

    @Mixin
    BatchOptions batch;

    @Override
    public Integer call() throws IOException {
        if (threshold < 0 || threshold > PdqSignal.DEFAULT_THRESHOLD)
            throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be between 0 and " + PdqSignal.DEFAULT_THRESHOLD);
        try (Node open = Node.open(node)) {
            if (bank != null && open.banks().findBank(bank).isEmpty())
                throw new CommandLine.ParameterException(spec.commandLine(), "no bank named '" + bank + "'");
            Matcher matcher = new Matcher(open.banks(), MatchIndex.load(open.banks(), open.changes(), node.matchIndexSnapshot()));
            return scan(matcher, batch.threads(spec.commandLine()));
        }
    }

    private int scan(Matcher matcher, int threads) throws IOException {
        ContentHasher hasher = new ContentHasher(ImageDecoders.detect(), HashOptions.canonical().withDihedral(true));
        ScanSummary summary = new ScanSummary();
        InputFiles files = new InputFiles(paths);
        try (Progress progress = Progress.start("Scanning", files::count, batch.progressWanted());
             ScanWriter writer = writer()) {
            ScanItems items = new ScanItems(files.iterator(), hasher.options().maxImageBytes());
            OrderedParallel.run(items, threads, item -> scan(hasher, matcher, item), result -> {
                if (!(result.outcome().path().contains("!/"))) progress.step();
                summary.add(result);
                result.error().ifPresent(reason -> System.err.println(progress.clearLine() + "vgtx: " + result.outcome().path() + ": " + reason));
                write(writer, result);
            });
        }
        System.err.println(summary.describe());
        if (summary.matchedItems() > 0) return FOUND;
        return summary.errors() > 0 ? ERRORS_ONLY : 0;
    }

    private ScanResult scan(ContentHasher hasher, Matcher matcher, ScanItem item) {
        HashOutcome outcome = hash(hasher, item);
        if (outcome.digests().isEmpty()) return new ScanResult(outcome, Optional.empty());
        var pdq = outcome instanceof HashOutcome.Hashed hashed ? Optional.of(hashed.pdq()) : Optional.<io.vgtx.hashing.pdq.PdqResult>empty();
        return new ScanResult(outcome, Optional.of(matcher.match(new MatchQuery(outcome.digests(), pdq, threshold, Optional.ofNullable(bank)))));
    }

    private static HashOutcome hash(ContentHasher hasher, ScanItem item) {
        return switch (item) {
            case ScanItem.OnDisk file -> hasher.hashFile(file.path(), file.label());
            case ScanItem.InMemory member -> {
                try {
                    yield hasher.hashStream(member.label(), new ByteArrayInputStream(member.bytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // a byte array does not fail to read
                }
            }
            case ScanItem.Unreadable broken -> new HashOutcome.Failed(broken.label(), -1, Optional.empty(), broken.reason());
        };
    }

    private ScanWriter writer() throws IOException {
        if (format.json) return new ScanWriter.JsonLines(System.out);
        if (format.csv) return new ScanWriter.Csv(System.out);
        return new ScanWriter.Table(System.out);
    }

    private static void write(ScanWriter writer, ScanResult result) {
        try {
            writer.write(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
