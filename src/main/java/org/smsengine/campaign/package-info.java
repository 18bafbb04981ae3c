/**
 * Cron campaigns: a Quartz cron trigger per enabled campaign (clustered: each firing on one node);
 * each firing creates a batch from the campaign's audience and starts it once prepared.
 */
package org.smsengine.campaign;
