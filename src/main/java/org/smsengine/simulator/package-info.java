/**
 * The SMSC simulator: a real SMPP server (jSMPP's server API) for development, tests and
 * benchmarks, in-process ({@code sms.simulator.enabled}) or standalone ({@link SimulatorMain}). It
 * also plays the handsets (MO injection, STOP replies); its HTTP side ({@link SimulatorHttp}) serves
 * the accounting and takes MO by {@code POST /mo}.
 */
package org.smsengine.simulator;
