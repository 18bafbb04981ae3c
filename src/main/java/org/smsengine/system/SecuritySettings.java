package org.smsengine.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The users of this engine ({@code sms.security.users}). A password carries its encoding as a
 * prefix ({@code {bcrypt}...}, {@code {noop}...}); one without a prefix is taken as plain text.
 *
 * @param users         each user's {@code name}, {@code password} and {@code roles} (MARKETER, OPERATOR, APPROVER,
 *                      ADMIN, METRICS); none: every API call is refused with 401
 * @param announceUsers log the users and their plain-text passwords at start-up (development run only)
 */
@ConfigurationProperties("sms.security")
@Validated
public record SecuritySettings(@Valid @DefaultValue List<UserAccount> users, boolean announceUsers) {

    /**
     * A user of the API and the console.
     *
     * @param name     the user name
     * @param password the password, {@code {bcrypt}...} or {@code {noop}...} (plain text, as one without a prefix)
     * @param roles    what the user may do
     */
    public record UserAccount(@NotBlank String name, @NotBlank String password, @NotEmpty List<Role> roles) {
    }
}
