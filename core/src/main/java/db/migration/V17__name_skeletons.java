package db.migration;

import io.vgtx.core.names.Skeleton;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The confusable skeleton ({@link Skeleton}) of every organisation name, bank name and console login, in a column with
 * a unique index: organisation names and logins node-wide, bank names per owner. The code refuses a look-alike with a
 * clear message first; the index makes two concurrent inserts of look-alikes unable both to commit.
 *
 * <p>A Java migration because the skeleton is ICU's, not SQL's. Rows that already collide (made before this rule) keep
 * a NULL skeleton after the first of them: both databases let NULLs repeat under a unique index, and a new name that
 * looks like them still meets the first's skeleton.
 */
public class V17__name_skeletons extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE organisations ADD COLUMN name_skeleton TEXT");
            ddl.execute("ALTER TABLE banks ADD COLUMN name_skeleton TEXT");
            ddl.execute("ALTER TABLE users ADD COLUMN login_skeleton TEXT");
        }
        fill(connection, "SELECT id, name, '' FROM organisations ORDER BY id", "UPDATE organisations SET name_skeleton = ? WHERE id = ?");
        fill(connection, "SELECT id, name, owner FROM banks ORDER BY id", "UPDATE banks SET name_skeleton = ? WHERE id = ?");
        fill(connection, "SELECT id, login, '' FROM users ORDER BY id", "UPDATE users SET login_skeleton = ? WHERE id = ?");
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE UNIQUE INDEX organisations_name_skeleton_unique ON organisations (name_skeleton)");
            ddl.execute("CREATE UNIQUE INDEX banks_owner_name_skeleton_unique ON banks (owner, name_skeleton)");
            ddl.execute("CREATE UNIQUE INDEX users_login_skeleton_unique ON users (login_skeleton)");
        }
    }

    /** Sets each row's skeleton, in id order, leaving NULL where an earlier row of the same scope has it already. */
    private static void fill(Connection connection, String select, String update) throws SQLException {
        Set<String> taken = new HashSet<>();
        Map<Long, String> skeletons = new LinkedHashMap<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(select)) {
            while (rows.next()) {
                String skeleton = Skeleton.of(rows.getString(2));
                if (taken.add(rows.getString(3) + "\n" + skeleton)) skeletons.put(rows.getLong(1), skeleton);
            }
        }
        if (skeletons.isEmpty()) return;
        try (PreparedStatement set = connection.prepareStatement(update)) {
            for (Map.Entry<Long, String> row : skeletons.entrySet()) {
                set.setString(1, row.getValue());
                set.setLong(2, row.getKey());
                set.addBatch();
            }
            set.executeBatch();
        }
    }
}
