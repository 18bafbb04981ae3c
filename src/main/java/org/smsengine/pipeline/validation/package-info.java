/**
 * The validation step: streams the stored upload, turns each row into a recipient or a reject
 * with a stable reason, and finds duplicates and opt-outs per chunk in constant memory.
 */
package org.smsengine.pipeline.validation;
