package io.vgtx.cli.bank;

import io.vgtx.cli.node.Node;
import io.vgtx.cli.node.NodeOptions;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;
import io.vgtx.core.store.NotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code vgtx bank retract NAME HASH}: the entry stays, marked retracted, and the retraction spreads. */
@Command(name = "retract", mixinStandardHelpOptions = true,
        description = {"Retract an entry: it stops matching at once and the retraction is logged for every copy.",
                "The hash type follows from its length (32 MD5, 40 SHA1, 64 PDQ or SHA256 — whichever the bank holds)."})
final class BankRetractCommand implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    @Parameters(index = "0", paramLabel = "NAME")
    String bank;

    @Parameters(index = "1", paramLabel = "HASH")
    String hash;

    @Option(names = "--type", paramLabel = "T", description = "MD5, SHA1, SHA256, PDQ or PHOTODNA, when the length is not enough.")
    String type;

    @Override
    public Integer call() {
        try (Node open = Node.open(node)) {
            Entry entry = retract(open, candidates());
            System.out.printf("retracted %s %s from bank '%s' (entry %d)%n", entry.data().type().name(), entry.data().value(), bank, entry.id());
        }
        return 0;
    }

    private List<SignalType> candidates() {
        if (type != null) return List.of(SignalTypes.byName(type));
        return switch (hash.strip().length()) {
            case 32 -> List.of(DigestSignal.MD5);
            case 40 -> List.of(DigestSignal.SHA1);
            case 64 -> List.of(PdqSignal.PDQ, DigestSignal.SHA256);
            default -> throw new IllegalArgumentException("cannot tell the hash type of a " + hash.strip().length()
                    + "-character value; give --type");
        };
    }

    /** Tries each possible type; a 64-digit value that the bank holds as both PDQ and SHA256 needs --type. */
    private Entry retract(Node open, List<SignalType> types) {
        if (open.banks().findBank(bank).isEmpty()) throw new NotFoundException("no bank named '" + bank + "'");
        List<SignalType> held = types.stream().filter(t -> open.banks().findEntries(t, hash).stream()
                .anyMatch(e -> e.bankName().equals(bank))).toList();
        if (held.size() > 1) throw new IllegalArgumentException("bank '" + bank + "' holds this value as both PDQ and SHA256; give --type");
        if (held.isEmpty()) throw new NotFoundException("bank '" + bank + "' has no entry " + hash.strip().toLowerCase());
        try (NodeBanks banks = NodeBanks.open(open)) {
            return banks.banks().retractOnNode(banks.actor(), bank, held.getFirst(), hash);
        }
    }
}
