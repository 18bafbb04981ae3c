/**
 * The operator console: server-rendered pages (Thymeleaf) for people, logged in with a form and a
 * session. Pages read what they show from the features' own queries; everything they change goes
 * through the REST API (the same doors, roles and problem details as any program), called by the
 * pages' scripts with the session and its CSRF token. What a role may not do is not shown to it: a
 * page asks the security table (sec:authorize-url), never a list of its own.
 */
package org.smsengine.console;
