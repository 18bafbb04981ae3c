/**
 * The opt-out list: numbers added over the API, imported from a file (staged in the request, merged a window at a
 * time by any node), or by a STOP that a handset sent ({@code inbound}); listed, exported, removed by an admin;
 * and the limits on looking a number up.
 */
package org.smsengine.optout;
