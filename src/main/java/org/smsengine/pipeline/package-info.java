/**
 * The batch pipeline: one Spring Batch job per batch, built from the declarative definition in
 * {@code jobs/}, with its steps (validation, partition, preparation) in sub-packages.
 */
package org.smsengine.pipeline;
