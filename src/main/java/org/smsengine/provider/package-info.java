/**
 * Providers: the SPI through which a message reaches a carrier ({@link org.smsengine.provider.SmsProvider}, its
 * results, receipts and inbound messages), and its implementations, one package a protocol: {@code provider.smpp}
 * (jSMPP), {@code provider.http} (HTTP APIs) and {@code provider.gateway} (phones as gateways).
 * {@code provider.wiring} builds the configured ones; nothing in the SPI knows an implementation. The SMSC
 * simulator is a module of its own ({@code simulator}).
 */
package org.smsengine.provider;
