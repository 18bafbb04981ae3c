package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class FailuresTest {

    @Test
    void aConnectionThatCannotBeHadOrWasCutIsAnUnreachableService() {
        assertThat(Failures.unreachable(new CannotGetJdbcConnectionException("pool", new SQLException("refused", "08001")))).isTrue();
        assertThat(Failures.unreachable(new UncategorizedSQLException("update", "x", new SQLException("I/O error", "08006")))).isTrue();
        assertThat(Failures.unreachable(new UncategorizedSQLException("update", "x", new SQLException("shutdown", "57P01")))).isTrue();
        assertThat(Failures.unreachable(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
        // a rollback on the connection HikariCP closed when the commit failed: all that is left of a failover
        assertThat(Failures.unreachable(new org.springframework.transaction.TransactionSystemException("rollback",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aValueTheDatabaseRefusesIsNeitherUnreachableNorTransient() {
        DataIntegrityViolationException nul = new DataIntegrityViolationException("x",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        assertThat(Failures.unreachable(nul)).isFalse();
        assertThat(Failures.transientFailure(nul)).isFalse();
    }

    @Test
    void aDeadlockPassesWhenTriedAgainButIsNoOutage() {
        CannotAcquireLockException deadlock = new CannotAcquireLockException("x", new SQLException("deadlock", "40P01"));
        assertThat(Failures.unreachable(deadlock)).isFalse();
        assertThat(Failures.transientFailure(deadlock)).isTrue();
        assertThat(Failures.transientFailure(new UncategorizedSQLException("x", "y", new SQLException("timeout", "57014")))).isTrue();
    }
}
