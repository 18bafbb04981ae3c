/**
 * Uploads: the checks every CSV gets as it comes in (encoding, header, shape), storing it in
 * PostgreSQL in chunks so any node can read it later, and reading a stored upload back row by row
 * (CSV, or the JSON lines of the API's JSON form) in constant memory.
 */
package org.smsengine.upload;
