/**
 * The cluster's rate limits: one token bucket a provider (and a batch's own TPS), shared by the nodes through
 * Redis, shared by the live-node count when Redis is away, and adapting to a provider's throttling.
 * {@link org.smsengine.delivery.ratelimit.RateLimits} is all that the rest of the engine sees.
 */
@NamedInterface("ratelimit")
package org.smsengine.delivery.ratelimit;

import org.springframework.modulith.NamedInterface;
