package org.smsengine.system;

import org.springframework.security.core.Authentication;

/** The API's roles (API.md): what a user may do. */
public enum Role {
    /** Creates, uploads, schedules and reads batches. */
    MARKETER,
    /** Reads batches and starts, pauses, resumes, retries or aborts them. */
    OPERATOR,
    /** Reads batches; approves or rejects a batch under review that someone else created, and test-sends it. */
    APPROVER,
    /** Everything, including unmasked phone numbers. */
    ADMIN,
    /** Reads the Prometheus metrics ({@code /actuator/prometheus}) and nothing else: a scraper's account. */
    METRICS;

    /** Phones are shown whole only to ADMIN, everywhere (JSON, CSV, streams); every other role sees them masked. */
    public static boolean seesFullPhones(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> ("ROLE_" + ADMIN.name()).equals(a.getAuthority()));
    }
}
