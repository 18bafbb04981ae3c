/**
 * Batches: creating one from a CSV upload or the JSON form, keeping the upload in
 * PostgreSQL so any node can read it, and the REST resources that show a batch.
 */
package org.smsengine.batch;
