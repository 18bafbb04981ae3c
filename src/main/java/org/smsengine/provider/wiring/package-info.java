/**
 * Builds the configured providers ({@code sms.providers.definitions}) from their implementations: the one place
 * that knows them all, so the SPI above it knows none.
 */
package org.smsengine.provider.wiring;
