/**
 * Providers: the SPI through which a message reaches a carrier, its SMPP implementation
 * ({@code provider.smpp}, jSMPP), and the SMSC simulator ({@code provider.simulator}), a real SMPP
 * server for development, tests and benchmarks.
 */
package org.smsengine.provider;
