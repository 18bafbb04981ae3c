package org.smsengine.system;

/** The API's roles (API.md): what a user may do. */
public enum Role {
    /** Creates, uploads, schedules and reads batches. */
    MARKETER,
    /** Reads batches and starts, pauses, resumes, retries or aborts them. */
    OPERATOR,
    /** Everything, including unmasked phone numbers. */
    ADMIN
}
