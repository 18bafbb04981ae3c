/**
 * The partition step: splits a batch's recipients into contiguous row ranges, one per
 * partition, which the partitioned steps then work on in parallel.
 */
package org.smsengine.pipeline.partition;
