package io.vgtx.cli.bench;

import io.vgtx.bench.crash.IndexConsistency;
import io.vgtx.cli.node.Node;
import io.vgtx.cli.node.NodeOptions;
import io.vgtx.core.match.MatchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code vgtx bench index-check}: the crash test's "the match index equals the database". */
@Command(name = "index-check", mixinStandardHelpOptions = true,
        description = {"Load the match index as vgtx scan does (the data directory's snapshot when it fits the database, then the",
                "changes since) and compare it with every entry: each active one in it under its id, no retracted one, nothing more.",
                "Run it on a quiet node (scripts/crash-test.sh does, after every restart). Exit status: 0 equal, 1 not."})
public final class BenchIndexCheckCommand implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    @Override
    public Integer call() {
        try (Node open = Node.open(node)) {
            MatchIndex index = MatchIndex.load(open.banks(), open.changes(), node.matchIndexSnapshot());
            IndexConsistency.Report report = IndexConsistency.check(open.banks(), index, open.changes());
            if (report.consistent()) {
                System.out.printf("match index equals the database at change %d: %,d active entries in it, %,d retracted ones not%n",
                        report.seq(), report.active(), report.retracted());
                return 0;
            }
            System.out.printf("match index DIFFERS from the database at change %d (%,d active, %,d retracted, %,d indexed):%n",
                    report.seq(), report.active(), report.retracted(), report.indexed());
            report.problems().forEach(problem -> System.out.println("  " + problem));
            return 1;
        }
    }
}
