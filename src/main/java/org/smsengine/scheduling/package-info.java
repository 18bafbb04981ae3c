/**
 * Time: Quartz (clustered, JDBC store in PostgreSQL) starting batches at their send time, and the
 * housekeeping that ShedLock keeps to one node at a time.
 */
package org.smsengine.scheduling;
