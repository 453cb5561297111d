package io.vgtx.cli.bank;

import io.vgtx.cli.node.Node;
import io.vgtx.cli.node.NodeOptions;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "create", mixinStandardHelpOptions = true, description = "Create an empty bank.")
final class BankCreateCommand implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--category", paramLabel = "C", description = "Default category of its entries: A, B, C, EXPLOITATIVE, NOT_ILLEGAL.")
    String category;

    @Option(names = "--distribution", paramLabel = "D", defaultValue = "AMBER",
            description = "Default distribution: GREEN (every active organisation), AMBER (law enforcement), RED (named organisations). Default: ${DEFAULT-VALUE}.")
    String distribution;

    @Override
    public Integer call() {
        Optional<Category> defaultCategory = Optional.ofNullable(category).map(Category::parse);
        Distribution defaultDistribution = Distribution.parse(distribution);
        try (Node open = Node.open(node); NodeBanks banks = NodeBanks.open(open)) {
            Bank bank = banks.banks().createOnNode(banks.actor(), open.organisation(), name, defaultDistribution, defaultCategory);
            System.out.printf("created bank '%s' (owner %s, distribution %s%s)%n", bank.name(), bank.owner(),
                    bank.defaultDistribution(), bank.defaultCategory().map(c -> ", category " + c).orElse(""));
        }
        return 0;
    }
}
