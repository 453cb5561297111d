package io.vgtx.cli.bank;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgtx.cli.node.Node;
import io.vgtx.cli.node.NodeOptions;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;
import io.vgtx.core.store.BankSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the banks with their active entries per hash type.")
final class BankListCommand implements Callable<Integer> {
    private static final String ROW = "%-24s %-16s %-6s %-12s %9s %9s %9s %9s %9s%n";

    @Mixin
    NodeOptions node;

    @Option(names = "--json", description = "One JSON array.")
    boolean json;

    @Override
    public Integer call() {
        List<BankSummary> banks;
        try (Node open = Node.open(node)) {
            banks = open.banks().listBanks();
        }
        if (json) printJson(banks);
        else printTable(banks);
        return 0;
    }

    private static void printTable(List<BankSummary> banks) {
        if (banks.isEmpty()) {
            System.out.println("no banks yet: create one with 'vgtx bank create NAME'");
            return;
        }
        System.out.printf(ROW, "NAME", "OWNER", "DIST", "CATEGORY", "MD5", "SHA1", "SHA256", "PDQ", "PHOTODNA");
        for (BankSummary summary : banks) {
            Bank bank = summary.bank();
            System.out.printf(ROW, bank.name(), bank.owner(), bank.defaultDistribution(),
                    bank.defaultCategory().map(Enum::name).orElse("-"),
                    count(summary, "MD5"), count(summary, "SHA1"), count(summary, "SHA256"), count(summary, "PDQ"), count(summary, "PHOTODNA"));
        }
    }

    private static long count(BankSummary summary, String type) {
        return summary.activeEntries().getOrDefault(SignalTypes.byName(type), 0L);
    }

    private static void printJson(List<BankSummary> banks) {
        ArrayNode array = new ObjectMapper().createArrayNode();
        for (BankSummary summary : banks) {
            Bank bank = summary.bank();
            ObjectNode node = array.addObject().put("name", bank.name()).put("owner", bank.owner())
                    .put("distribution", bank.defaultDistribution().name())
                    .put("category", bank.defaultCategory().map(Enum::name).orElse(null))
                    .put("created_at", bank.createdAt().toString());
            ObjectNode counts = node.putObject("active_entries");
            for (SignalType type : SignalTypes.ALL) counts.put(type.name(), summary.activeEntries().getOrDefault(type, 0L));
        }
        System.out.println(array);
    }
}
