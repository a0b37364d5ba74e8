package cn.wenzhou.renovation.receipt;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Receipts in the configured database (H2 by default, PostgreSQL in production): plain SQL that both understand. */
@Repository
class ReceiptStore {

    private static final RowMapper<Receipt> ROW = (rs, n) -> new Receipt(
            UUID.fromString(rs.getString("id")),
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("endpoint"),
            rs.getString("jurisdiction"),
            rs.getString("ruleset_version"),
            (Integer) rs.getObject("version_number"),
            rs.getString("request_json"),
            rs.getString("response_json"));

    private final JdbcTemplate jdbc;

    ReceiptStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS decision_receipt (
                    id VARCHAR(36) PRIMARY KEY,
                    created_at TIMESTAMP NOT NULL,
                    endpoint VARCHAR(200) NOT NULL,
                    jurisdiction VARCHAR(40) NOT NULL,
                    ruleset_version VARCHAR(40) NOT NULL,
                    version_number INTEGER,
                    request_json TEXT NOT NULL,
                    response_json TEXT NOT NULL)""");
        jdbc.execute("CREATE INDEX IF NOT EXISTS decision_receipt_created ON decision_receipt (created_at)");
    }

    void save(Receipt receipt) {
        jdbc.update(
                "INSERT INTO decision_receipt VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                receipt.id().toString(),
                Timestamp.from(receipt.createdAt()),
                receipt.endpoint(),
                receipt.jurisdiction(),
                receipt.rulesetVersion(),
                receipt.versionNumber(),
                receipt.request(),
                receipt.response());
    }

    Optional<Receipt> find(UUID id) {
        List<Receipt> found = jdbc.query("SELECT * FROM decision_receipt WHERE id = ?", ROW, id.toString());
        return found.stream().findFirst();
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.update("DELETE FROM decision_receipt WHERE created_at < ?", Timestamp.from(cutoff));
    }
}
