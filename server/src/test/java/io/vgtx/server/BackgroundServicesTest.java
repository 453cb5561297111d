package io.vgtx.server;

import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What runs beside the server on its database (webhook delivery) stops with it, while the database is still open. */
class BackgroundServicesTest {
    @TempDir
    Path dataDir;

    @Test
    void backgroundServicesCloseLastFirstAfterRequestsAndBeforeTheDatabase() {
        Database database = Database.open(DatabaseConfig.dataDirectory(dataDir));
        List<String> closed = new CopyOnWriteArrayList<>();
        NodeServer server = NodeServer.builder(database)
                .config(ServerConfig.defaults().withPort(0).withShutdownTimeout(Duration.ofSeconds(5)))
                .background(() -> closed.add("first:" + database.read(h -> h.createQuery("SELECT 1").mapTo(int.class).one())))
                .background(() -> {
                    closed.add("second");
                    throw new IllegalStateException("a failing service does not keep the rest open");
                })
                .start();
        server.close();
        assertThat(closed).containsExactly("second", "first:1");
        assertThatThrownBy(() -> database.read(h -> h.createQuery("SELECT 1").mapTo(int.class).one())).as("the database is closed")
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void backgroundServicesAreClosedWhenTheServerFailsToStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> closed = new CopyOnWriteArrayList<>();
            NodeServer.Builder builder = NodeServer.builder(Database.open(DatabaseConfig.dataDirectory(dataDir)))
                    .config(ServerConfig.defaults().withPort(taken.getLocalPort()))
                    .background(() -> closed.add("closed"));
            assertThatThrownBy(builder::start).isInstanceOf(RuntimeException.class);
            assertThat(closed).containsExactly("closed");
        }
    }
}
