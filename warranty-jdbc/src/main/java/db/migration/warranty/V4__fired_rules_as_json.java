package db.migration.warranty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * warranty-kit schema, part 4: the fired rules of {@code wk_coverage} and {@code wk_order_line} as a
 * JSON array of strings instead of V1's length-prefixed text ({@code 6:rule a0:} for
 * {@code ["rule a", ""]}), and a check that every row holds an array, so that an instance still
 * writing the old form fails instead of mixing forms.
 *
 * <p>In Java rather than SQL: the old lengths count UTF-16 units, as Java strings do, while
 * PostgreSQL's string functions count code points, and the two SQL dialects share no JSON builder.
 * Found by Flyway beside the SQL migrations ({@code JdbcWarrantyStores.MIGRATIONS}); runs in the
 * migration's transaction.
 */
public class V4__fired_rules_as_json extends BaseJavaMigration {
    /** A table with a fired_rules column and its two-column primary key. */
    private record Table(String name, String firstKey, String secondKey) {
    }

    private static final List<Table> TABLES = List.of(new Table("wk_coverage", "serial", "seq"),
            new Table("wk_order_line", "order_id", "line_no"));
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (Table table : TABLES) {
            convert(connection, table);
        }
        for (Table table : TABLES) {
            try (Statement s = connection.createStatement()) {
                s.execute("ALTER TABLE " + table.name() + " ADD CONSTRAINT " + table.name()
                        + "_fired_rules_json CHECK (fired_rules LIKE '[%]')");
            }
        }
    }

    private static void convert(Connection connection, Table table) throws SQLException {
        try (Statement select = connection.createStatement();
             PreparedStatement update = connection.prepareStatement("UPDATE " + table.name()
                     + " SET fired_rules = ? WHERE " + table.firstKey() + " = ? AND " + table.secondKey() + " = ?")) {
            select.setFetchSize(BATCH); // PostgreSQL streams the rows instead of loading the table
            try (ResultSet rows = select.executeQuery("SELECT " + table.firstKey() + ", " + table.secondKey()
                    + ", fired_rules FROM " + table.name())) {
                int pending = 0;
                while (rows.next()) {
                    Object first = rows.getObject(1);
                    Object second = rows.getObject(2);
                    List<String> names;
                    try {
                        names = lengthPrefixed(rows.getString(3));
                    } catch (IllegalArgumentException e) {
                        throw new SQLException(table.name() + " row (" + first + ", " + second + "): " + e.getMessage(), e);
                    }
                    update.setString(1, json(names));
                    update.setObject(2, first);
                    update.setObject(3, second);
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    update.executeBatch();
                }
            }
        }
    }

    /** V1's form: each name as its length in UTF-16 units, a colon, and its characters. */
    static List<String> lengthPrefixed(String text) {
        List<String> names = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int colon = text.indexOf(':', at);
            if (colon <= at || !text.substring(at, colon).chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("fired_rules is not in the length-prefixed form at character " + at);
            }
            int length = Integer.parseInt(text, at, colon, 10);
            if (length > text.length() - colon - 1) {
                throw new IllegalArgumentException("fired_rules ends inside a name at character " + colon);
            }
            names.add(text.substring(colon + 1, colon + 1 + length));
            at = colon + 1 + length;
        }
        return names;
    }

    /**
     * The names as a JSON array, everything beyond printable ASCII escaped: valid JSON that the stores
     * read like their own, written without the stores' code, which may change after this migration.
     */
    static String json(List<String> names) {
        StringBuilder out = new StringBuilder("[");
        for (String name : names) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"');
            for (char c : name.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
        return out.append(']').toString();
    }
}
