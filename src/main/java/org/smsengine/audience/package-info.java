/** Audiences: stored, validated recipient lists that campaigns send to again and again. */
package org.smsengine.audience;
