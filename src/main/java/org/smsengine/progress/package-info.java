/**
 * Live progress: a fast view of each batch in Redis, moved once per chunk and never once per row,
 * read by the API; PostgreSQL stays the truth and answers whenever Redis cannot.
 */
package org.smsengine.progress;
