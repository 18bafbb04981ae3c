/**
 * The SMSC simulator: a real SMPP server (jSMPP's server API) for development, tests and
 * benchmarks, in-process ({@code sms.simulator.enabled}) or standalone ({@link SimulatorMain}).
 */
package org.smsengine.provider.simulator;
