package org.smsengine.batch;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smsengine.recipient.CountryRule;
import org.smsengine.recipient.CountrySettings;
import org.smsengine.recipient.PhoneNumbers;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.smsengine.system.UserText.Kind;
import org.smsengine.system.UserText;
import org.smsengine.template.MessageLimits;
import org.smsengine.template.MessageTemplate;
import org.smsengine.template.TemplateSyntaxException;
import org.smsengine.upload.UploadSettings;
import org.springframework.stereotype.Component;

/**
 * The one set of rules for what a message is sent with, shared by batches, campaigns (which must
 * refuse whatever their firings' batches would) and audiences. Each check adds its errors to the
 * caller's list and returns the value as it is to be stored (stripped, defaulted), or null when
 * it is wrong, so a request's every problem is reported at once.
 */
@Component
public class SendParameterValidator {

    public static final int MAX_NAME_LENGTH = 200;
    static final int MAX_PHONE_COLUMN_LENGTH = 256;
    static final String DEFAULT_PHONE_COLUMN = "phone";
    private static final int BUDGET_SCALE = 6;

    private final UploadSettings upload;
    private final MessageLimits limits;
    private final Clock clock;

    private final CountryRule engineCountries;

    SendParameterValidator(UploadSettings upload, MessageLimits limits, Clock clock, CountrySettings countrySettings) {
        this.engineCountries = countrySettings.rule();
        this.upload = upload;
        this.limits = limits;
        this.clock = clock;
    }

    /** The parameters of a new batch with defaults applied, or a 400 naming every bad field. */
    BatchParameters.Checked check(BatchParameters p) {
        List<InputError> errors = new ArrayList<>();
        String name = name("name", p.name(), MAX_NAME_LENGTH, errors);
        MessageTemplate template = template(p.template(), errors);
        String region = region(p.region(), null, errors);
        String phoneColumn = phoneColumn(p.phoneColumn(), errors);
        String senderId = senderId(p.senderId(), errors);
        OffsetDateTime sendAt = sendAt(p.sendAt(), errors);
        Integer tps = tps(p.tps(), errors);
        OffsetDateTime validUntil = validUntil(p.validUntil(), sendAt, errors);
        CountryRule countries = countries(p.allowCountries(), p.denyCountries(), errors);
        // none of its own: the engine's, fixed on the batch now, so every node validates it alike and a
        // change of sms.countries applies to batches created after it
        countries = countries.isOpen() ? engineCountries : countries;
        BigDecimal budget = budget(p.budget(), errors);
        String tag = tag(p.tag(), errors);
        throwIfAny("The batch parameters are not valid", errors);
        return new BatchParameters.Checked(name, template, region, phoneColumn, senderId, sendAt, tps, validUntil,
                Boolean.TRUE.equals(p.transactional()), countries, budget, tag);
    }

    /** A batch's tag, which route rules may select it by: letters, digits, '.', '_', '-', at most 64; null: none. */
    private static String tag(String value, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String tag = value.strip();
        if (!tag.matches("[A-Za-z0-9._-]{1,64}")) {
            errors.add(InputError.field("tag", "A tag is 1 to 64 letters, digits, '.', '_' or '-'"));
            return null;
        }
        return tag;
    }

    /** The most a batch may cost (sms.routing.currency), or null: no limit. */
    public BigDecimal budget(BigDecimal budget, List<InputError> errors) {
        if (budget != null && (budget.signum() < 0 || budget.scale() > BUDGET_SCALE || budget.precision() - budget.scale() > 12)) {
            errors.add(InputError.field("budget", "A budget is an amount of 0 or more, with at most " + BUDGET_SCALE
                    + " decimals and 12 digits before the point, not " + budget.toPlainString()));
            return null;
        }
        return budget;
    }

    /** A batch's own country rule (replacing the engine's), or ALL: the engine's applies. */
    private static CountryRule countries(List<String> allow, List<String> deny, List<InputError> errors) {
        try {
            return CountryRule.of(allow, deny);
        } catch (IllegalArgumentException e) {
            errors.add(InputError.field(allow != null && !allow.isEmpty() ? "allowCountries" : "denyCountries",
                    "Countries: " + e.getMessage()));
            return CountryRule.ALL;
        }
    }

    /** A name: not blank, one line of printable text, at most {@code maxLength} characters once stripped. */
    public String name(String field, String value, int maxLength, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(InputError.field(field, field + " is required"));
            return null;
        }
        String name = value.strip();
        if (!UserText.check(field, name, Kind.LINE, errors)) {
            return null;
        }
        if (name.length() > maxLength) {
            errors.add(InputError.field(field, field + " is longer than " + maxLength + " characters"));
            return null;
        }
        return name;
    }

    /**
     * A template that parses, within the caps of {@code sms.message}, whose fixed text alone fits
     * the segment limit (its variables can only add to it).
     */
    public MessageTemplate template(String value, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(InputError.field("template", "A message template is required"));
            return null;
        }
        if (value.length() > limits.maxTemplateLength()) {
            errors.add(InputError.field("template", "The template is longer than " + limits.maxTemplateLength()
                    + " characters (sms.message.max-template-length)"));
            return null;
        }
        if (!UserText.check("template", value, Kind.MULTILINE, errors)) {
            return null;
        }
        MessageTemplate template;
        try {
            template = MessageTemplate.parse(value);
        } catch (TemplateSyntaxException e) {
            errors.add(InputError.field("template", e.getMessage()));
            return null;
        }
        for (String variable : template.variables()) {
            if (UserText.problem(variable, Kind.LINE).isPresent()) {
                errors.add(InputError.field("template", "A {{variable}} name must be one line of printable text"));
                return null;
            }
        }
        Optional<String> problem = limits.problem(template);
        problem.ifPresent(p -> errors.add(InputError.field("template", p)));
        return problem.isEmpty() ? template : null;
    }

    /** An ISO 3166 alpha-2 region libphonenumber knows; {@code fallback}, else {@code sms.upload.default-region}, when blank. */
    public String region(String value, String fallback, List<InputError> errors) {
        boolean given = value != null && !value.isBlank();
        String region = given ? value.strip() : fallback != null ? fallback : upload.defaultRegion();
        if (!UserText.check("region", region, Kind.LINE, errors)) {
            return null;
        }
        if (!PhoneNumbers.isSupportedRegion(region)) {
            errors.add(InputError.field("region", "'" + region + "' is not an ISO 3166 alpha-2 region code"));
            return null;
        }
        return region.toUpperCase(Locale.ROOT);
    }

    /** The header of the phone column; {@value #DEFAULT_PHONE_COLUMN} when blank. */
    public String phoneColumn(String value, List<InputError> errors) {
        String column = value == null || value.isBlank() ? DEFAULT_PHONE_COLUMN : value.strip();
        if (!UserText.check("phoneColumn", column, Kind.LINE, errors)) {
            return null;
        }
        if (column.length() > MAX_PHONE_COLUMN_LENGTH) {
            errors.add(InputError.field("phoneColumn", "phoneColumn is longer than " + MAX_PHONE_COLUMN_LENGTH + " characters"));
            return null;
        }
        return column;
    }

    /** A sender id a provider accepts ({@link SenderIds}), stripped; null when none is given. */
    public String senderId(String value, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String sender = value.strip();
        if (!UserText.check("senderId", sender, Kind.LINE, errors)) {
            return null;
        }
        Optional<String> problem = SenderIds.problem(sender);
        problem.ifPresent(p -> errors.add(InputError.field("senderId", p)));
        return problem.isEmpty() ? sender : null;
    }

    /** A send time not in the past (null: none). */
    public OffsetDateTime sendAt(OffsetDateTime value, List<InputError> errors) {
        if (value != null && value.isBefore(OffsetDateTime.now(clock))) {
            errors.add(InputError.field("sendAt", "sendAt " + value + " is in the past"));
            return null;
        }
        return value;
    }

    /** The end of a batch's validity: in the future, and after its send time if it has one (null: none). */
    public OffsetDateTime validUntil(OffsetDateTime value, OffsetDateTime sendAt, List<InputError> errors) {
        if (value == null) {
            return null;
        }
        if (!value.isAfter(OffsetDateTime.now(clock))) {
            errors.add(InputError.field("validUntil", "validUntil " + value + " is not in the future"));
            return null;
        }
        if (sendAt != null && !value.isAfter(sendAt)) {
            errors.add(InputError.field("validUntil", "validUntil " + value + " is not after sendAt " + sendAt));
            return null;
        }
        return value;
    }

    /** How long each firing's batch stays valid (ISO-8601, e.g. PT4H): at least a minute (null: no limit). */
    public java.time.Duration validFor(String value, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.time.Duration duration = java.time.Duration.parse(value.strip());
            if (duration.compareTo(java.time.Duration.ofMinutes(1)) < 0) {
                errors.add(InputError.field("validFor", "validFor must be at least a minute (PT1M)"));
                return null;
            }
            return duration;
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(InputError.field("validFor", "validFor is not an ISO-8601 duration such as PT4H"));
            return null;
        }
    }

    /** A per-batch rate cap of at least 1 (null: none). */
    public Integer tps(Integer value, List<InputError> errors) {
        if (value != null && value < 1) {
            errors.add(InputError.field("tps", "tps must be at least 1"));
            return null;
        }
        return value;
    }

    /** The 400 for {@code errors}, if there are any. */
    public static void throwIfAny(String summary, List<InputError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(summary + ": " + errors.get(0).message(), errors);
        }
    }
}
