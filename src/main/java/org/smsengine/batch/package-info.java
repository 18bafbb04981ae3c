/**
 * Batches: creating one from a CSV upload or the JSON form, and the REST resources that show a
 * batch.
 */
package org.smsengine.batch;
