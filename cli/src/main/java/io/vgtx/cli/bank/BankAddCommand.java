package io.vgtx.cli.bank;

import io.vgtx.cli.concurrent.OrderedParallel;
import io.vgtx.cli.files.InputFiles;
import io.vgtx.cli.node.Node;
import io.vgtx.cli.node.NodeOptions;
import io.vgtx.core.audit.AuditActions;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.EntrySource;
import io.vgtx.core.store.ImportResult;
import io.vgtx.hashing.content.ContentHasher;
import io.vgtx.hashing.content.HashOptions;
import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.digest.Digests;
import io.vgtx.hashing.image.ImageDecoders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code vgtx bank add NAME PATH...}: hashes files and adds them, labelled with the file name. Every file
 * adds its MD5, SHA-1 and SHA-256; an image also adds its PDQ hash. A file that cannot be read at all
 * stops the command and nothing is added, so a bank never holds half of a folder.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Hash files and folders and add them to a bank (label = file name).",
                "Images add PDQ + MD5 + SHA-1 + SHA-256; other files their digests only.",
                "If any file cannot be read, nothing is added."})
final class BankAddCommand implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    @Parameters(index = "0", paramLabel = "NAME")
    String bank;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Override
    public Integer call() {
        ContentHasher hasher = new ContentHasher(ImageDecoders.detect(), HashOptions.canonical());
        List<EntryData> entries = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        OrderedParallel.run(new InputFiles(paths).iterator(), OrderedParallel.defaultThreads(), input -> input.hashWith(hasher), outcome -> {
            switch (outcome) {
                case HashOutcome.Hashed hashed -> entries.addAll(entriesOf(hashed.path(), hashed.digest(), Optional.of(hashed)));
                case HashOutcome.Failed failed when failed.digests().isPresent() -> {
                    System.err.println("vgtx: " + failed.path() + ": no PDQ (" + failed.reason() + "); adding its digests only");
                    entries.addAll(entriesOf(failed.path(), failed.digests().get(), Optional.empty()));
                }
                case HashOutcome.Failed failed -> unreadable.add(failed.path() + ": " + failed.reason());
            }
        });
        if (!unreadable.isEmpty()) {
            unreadable.forEach(problem -> System.err.println("vgtx: " + problem));
            System.err.println("vgtx: nothing was added to bank '" + bank + "'");
            return 1;
        }
        try (Node open = Node.open(node); NodeBanks banks = NodeBanks.open(open)) {
            ImportResult result = banks.banks().addOnNode(banks.actor(), bank, open.organisation(), EntrySource.of(entries),
                    AuditActions.ENTRIES_ADD, Map.of());
            System.out.println(BankImportCommand.summary(bank, result));
        }
        return 0;
    }

    private static List<EntryData> entriesOf(String path, Digests digests, Optional<HashOutcome.Hashed> image) {
        String label = Path.of(path).getFileName().toString();
        List<EntryData> entries = new ArrayList<>(4);
        image.ifPresent(hashed -> entries.add(EntryData.of(PdqSignal.PDQ, hashed.pdq().hash().toHex())
                .withQuality(hashed.pdq().quality()).withLabel(label)));
        entries.add(EntryData.of(DigestSignal.MD5, digests.md5()).withLabel(label));
        entries.add(EntryData.of(DigestSignal.SHA1, digests.sha1()).withLabel(label));
        entries.add(EntryData.of(DigestSignal.SHA256, digests.sha256()).withLabel(label));
        return entries;
    }
}
