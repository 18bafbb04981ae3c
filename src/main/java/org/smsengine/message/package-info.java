/**
 * Messages: one rendered SMS per recipient, its status through delivery, and the API that
 * lists them (phones masked for every role but ADMIN).
 */
package org.smsengine.message;
