/**
 * Routing: which provider sends each message. Route rules (by destination country or prefix and by the
 * batch's sender) name providers with weights, chosen by smooth weighted round robin, by priority or by
 * least cost; a page of claimed messages is routed at once ({@link org.smsengine.routing.Router}). Each
 * provider has a circuit breaker fed by submit outcomes; an open one, a disabled one or one with no
 * session bound takes no traffic, which goes to the next provider of the route. A failure rule table says
 * what a provider's error code means (retry on the same provider, switch, fail, throttle, alert). Prices
 * per provider and country give a batch's forecast and its running cost. Operators read providers' health
 * and enable or disable them over {@code /api/v1/providers}.
 */
package org.smsengine.routing;
