package io.vgtx.server.node;

import io.vgtx.core.casework.CaseAlerts;
import io.vgtx.core.report.ReportSettings;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NodeServicesTest {
    @TempDir
    Path dataDir;

    @Test
    void casesAndThoseWhoReliedOnAnEntryAreToldAtTheSameDisputeThreshold() {
        try (Database db = Database.open(DatabaseConfig.dataDirectory(dataDir))) {
            NodeServices byDefault = NodeServices.open(db, InstantSource.system(), Optional.empty(), ReportSettings.none());
            assertThat(byDefault.casework().alerts().disputeThreshold()).isEqualTo(CaseAlerts.DEFAULT_DISPUTE_THRESHOLD);
            assertThat(byDefault.reliance().disputeThreshold()).isEqualTo(CaseAlerts.DEFAULT_DISPUTE_THRESHOLD);
            byDefault.reliance().close();
            byDefault.matchDays().close();

            NodeServices strict = NodeServices.open(db, InstantSource.system(), Optional.empty(), ReportSettings.none(), 1);
            assertThat(strict.casework().alerts().disputeThreshold()).isEqualTo(1);
            assertThat(strict.reliance().disputeThreshold()).isEqualTo(1);
            strict.reliance().close();
            strict.matchDays().close();
        }
    }
}
