/**
 * The engine as a cluster: a batch's partitioned steps spread over every node through a broker
 * (Spring Batch's remote partitioning over AMQP, completion read from the job repository), stop
 * signals passed to every node over Redis, and the nodes as operators see them.
 */
package org.smsengine.cluster;
