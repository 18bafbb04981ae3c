/**
 * Cross-cutting set-up: security and users, the one place where exceptions become
 * problem details, the Redis client's failure behaviour, and PostgreSQL COPY.
 */
package org.smsengine.system;
