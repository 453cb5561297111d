package io.vgtx.cli.node;

import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where the node keeps its data, shared by every command that reads or writes banks: a SQLite file in
 * the data directory by default, or any database a JDBC URL names.
 */
public final class NodeOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $VGTX_DATA, else ~/.vgtx).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Use this database instead of the data directory's SQLite file, e.g. jdbc:postgresql://host/vgtx?user=…")
    String jdbcUrl;

    /** Used when neither --org nor $VGTX_ORG names an organisation and the node has no operator yet. */
    public static final String LOCAL_ORGANISATION = "local";

    @Option(names = "--org", paramLabel = "NAME", defaultValue = "${env:VGTX_ORG}",
            description = "Organisation recorded as owner and source of what this command adds (default: $VGTX_ORG, else the node's "
                    + "operating organisation, else " + LOCAL_ORGANISATION + ").")
    String organisation;

    public Database open() {
        return Database.open(jdbcUrl != null ? DatabaseConfig.jdbcUrl(jdbcUrl) : DatabaseConfig.dataDirectory(dataDirectory()));
    }

    /**
     * The match index snapshot, kept in the data directory next to the database; it is checked against the
     * database's change log before use, so one left by another database is never trusted.
     */
    public Path matchIndexSnapshot() {
        return dataDirectory().resolve("match-index.snapshot");
    }

    /** The snapshot when the database is the data directory's; none for a database elsewhere (--db). */
    public java.util.Optional<Path> matchIndexSnapshotOfDataDirectory() {
        return jdbcUrl == null ? java.util.Optional.of(matchIndexSnapshot()) : java.util.Optional.empty();
    }

    /** The organisation --org or $VGTX_ORG names, if any; {@link Node#organisation()} falls back to the node's operator. */
    public java.util.Optional<String> organisation() {
        return java.util.Optional.ofNullable(organisation).map(String::strip).filter(name -> !name.isEmpty());
    }

    private Path dataDirectory() {
        if (dataDir != null) return dataDir;
        String env = System.getenv("VGTX_DATA");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".vgtx");
    }
}
