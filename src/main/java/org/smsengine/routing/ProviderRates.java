package org.smsengine.routing;

/** The rate each provider is paced at now (its configured TPS, or less while it is backing off). */
public interface ProviderRates {

    int currentTps(String provider);
}
