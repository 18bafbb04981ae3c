/**
 * The benchmark ({@code ./mvnw -Pbenchmark verify -Dbench.rows=...}): the packaged engine in a
 * child JVM with a 512 MB heap, on a database holding months of finished batches, fed a generated
 * upload through the HTTP API, measured by its own job records and GC log. Never a timed unit test.
 */
package org.smsengine.bench;
