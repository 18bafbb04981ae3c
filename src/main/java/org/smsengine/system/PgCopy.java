package org.smsengine.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL {@code COPY ... FROM STDIN} on the connection of the current transaction, so a
 * chunk's bulk rows commit or roll back with the rest of the chunk.
 */
@Component
public class PgCopy {

    private static final int STREAM_BUFFER = 256 * 1024;

    private final DataSource dataSource;

    public PgCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code copySql} (a {@code COPY ... FROM STDIN} in text format) with the rows built by {@code rows}. */
    public long copyIn(String copySql, CopyRows rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            byte[] data = rows.toString().getBytes(StandardCharsets.UTF_8);
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new ByteArrayInputStream(data));
        } catch (SQLException e) {
            throw new SQLErrorCodeSQLExceptionTranslator(dataSource).translate("COPY", copySql, e);
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("COPY failed: " + copySql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Runs {@code copySql} with rows that {@code writer} writes as it comes to them (COPY's text
     * format), so a stream of any length is copied holding no more than the driver's buffer, and the
     * server stores rows while the writer is still producing them. When the writer throws, the COPY is
     * cancelled and the exception passes on (the transaction then rolls back).
     */
    public long copyIn(String copySql, CopyWriter writer) throws IOException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            PGCopyOutputStream out = new PGCopyOutputStream(copy, STREAM_BUFFER);
            writer.write(out);
            return out.endCopy();
        } catch (SQLException e) {
            throw new SQLErrorCodeSQLExceptionTranslator(dataSource).translate("COPY", copySql, e);
        } finally {
            cancelIfActive(copy);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void cancelIfActive(CopyIn copy) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the transaction rolls back anyway; the exception that brought us here is the one to report
            }
        }
    }

    /** Writes the rows of a COPY (text format, UTF-8) to {@code out}. */
    public interface CopyWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Rows in COPY's text format: tab-separated, {@code \N} for null, backslash escapes. A NUL, which
     * PostgreSQL text cannot hold in any escape, is written as U+FFFD (the replacement character): a
     * stray NUL in a reject's phone or raw line must never fail the chunk that carries it.
     */
    public static final class CopyRows {

        private final StringBuilder text;
        private boolean rowStarted;

        public CopyRows(int expectedRows) {
            this.text = new StringBuilder(Math.max(expectedRows, 1) * 128);
        }

        public CopyRows add(long value) {
            separate();
            text.append(value);
            return this;
        }

        public CopyRows add(String value) {
            separate();
            if (value == null) {
                text.append("\\N");
                return this;
            }
            if (!needsEscaping(value)) {
                text.append(value);
                return this;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\0' -> text.append('\uFFFD');
                    default -> text.append(c);
                }
            }
            return this;
        }

        private static boolean needsEscaping(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                    return true;
                }
            }
            return false;
        }

        public CopyRows endRow() {
            text.append('\n');
            rowStarted = false;
            return this;
        }

        private void separate() {
            if (rowStarted) {
                text.append('\t');
            }
            rowStarted = true;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
