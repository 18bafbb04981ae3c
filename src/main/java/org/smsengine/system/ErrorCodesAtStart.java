package org.smsengine.system;

import javax.sql.DataSource;
import org.springframework.jdbc.support.SQLErrorCodesFactory;
import org.springframework.stereotype.Component;

/**
 * Learns at start-up which database the engine talks to, for the translation of SQL errors. Spring
 * (and MyBatis, through it) otherwise asks the database the first time an error is translated, under a
 * lock every other translation waits on: during an outage that first error waited for a connection that
 * could not be had, and so did every thread after it (a stopping node sat 45 s in its shutdown hook).
 */
@Component
class ErrorCodesAtStart {

    ErrorCodesAtStart(DataSource dataSource) {
        SQLErrorCodesFactory.getInstance().getErrorCodes(dataSource);
    }
}
