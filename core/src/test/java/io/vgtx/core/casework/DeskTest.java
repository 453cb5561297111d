package io.vgtx.core.casework;

import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;

/**
 * A fresh {@link Desk} on each backend for every test; subclasses are {@code @ParameterizedClass @EnumSource(Backend.class)}.
 */
abstract class DeskTest {
    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    Desk desk;

    @BeforeEach
    void desk() {
        db = Database.open(backend.newDatabase(tempDir));
        desk = new Desk(db);
    }

    @AfterEach
    void close() {
        db.close();
    }
}
