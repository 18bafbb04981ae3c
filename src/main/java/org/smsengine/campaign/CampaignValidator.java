package org.smsengine.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quartz.CronExpression;
import org.smsengine.audience.AudienceRow;
import org.smsengine.audience.AudienceService;
import org.smsengine.batch.SendParameterValidator;
import org.smsengine.batch.SendWindow;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.smsengine.system.NotFoundException;
import org.smsengine.system.UserText.Kind;
import org.smsengine.system.UserText;
import org.smsengine.template.MessageTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks a campaign as its firings' batches will be checked (the same {@link SendParameterValidator}),
 * so a campaign that is accepted never fires a batch that is refused; then what is a campaign's own:
 * cron, time zone, audience (and the template's variables among its columns), overlap, send window.
 */
@Component
class CampaignValidator {

    /** A firing's batch is named {@code <campaign> @ <instant, to the second, UTC>}: at most 23 characters more. */
    static final int MAX_NAME_LENGTH = SendParameterValidator.MAX_NAME_LENGTH - " @ 2026-12-01T09:00:00Z".length();

    private final SendParameterValidator parameters;
    private final AudienceService audiences;
    private final ObjectMapper json;
    private final Clock clock;

    CampaignValidator(SendParameterValidator parameters, AudienceService audiences, ObjectMapper json, Clock clock) {
        this.parameters = parameters;
        this.audiences = audiences;
        this.json = json;
        this.clock = clock;
    }

    /** The name of the batch a firing creates. */
    static String batchName(String campaignName, OffsetDateTime scheduledFor) {
        return campaignName + " @ " + scheduledFor.toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The campaign as it is to be stored, or a 400 naming every bad field. */
    CampaignRow check(CampaignRequest r, long id, String user) {
        List<InputError> errors = new ArrayList<>();
        String name = parameters.name("name", r.name(), MAX_NAME_LENGTH, errors);
        String timezone = timezone(r.timezone(), errors);
        String cron = cron(r.cron(), timezone, errors);
        AudienceRow audience = audience(r.audienceId(), errors);
        MessageTemplate template = parameters.template(r.template(), errors);
        if (audience != null && template != null) {
            requireColumns(audience, template, errors);
        }
        String region = parameters.region(r.region(), audience == null ? null : audience.region(), errors);
        String senderId = parameters.senderId(r.senderId(), errors);
        Integer tps = parameters.tps(r.tps(), errors);
        Overlap overlap = overlap(r.overlap(), errors);
        String window = window(r.sendWindow(), timezone, errors);
        java.time.Duration validFor = parameters.validFor(r.validFor(), errors);
        SendParameterValidator.throwIfAny("The campaign is not valid", errors);
        return new CampaignRow(id, name, cron, timezone, r.audienceId(), template.source(), region, senderId, tps,
                r.enabled() == null || r.enabled(), overlap, window, validFor == null ? null : validFor.toString(),
                Boolean.TRUE.equals(r.transactional()), user, null, null);
    }

    /**
     * The next {@code count} times {@code cron} fires in {@code timezone}, checked as a campaign's
     * schedule is (a 400 naming the field): what a campaign form shows as the expression is typed.
     */
    List<java.time.Instant> nextFireTimes(String cron, String timezone, int count) {
        List<InputError> errors = new java.util.ArrayList<>();
        String zone = timezone(timezone, errors);
        String checked = zone == null ? null : cron(cron, zone, errors);
        SendParameterValidator.throwIfAny("The schedule is not valid", errors);
        return CampaignSchedule.nextFireTimes(checked, zone, clock.instant(), count);
    }

    private static String timezone(String value, List<InputError> errors) {
        String timezone = value == null || value.isBlank() ? "UTC" : value.strip();
        if (!UserText.check("timezone", timezone, Kind.LINE, errors)) {
            return null;
        }
        try {
            SendWindow.zone(timezone, "timezone");
            return timezone;
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private String cron(String value, String timezone, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(InputError.field("cron", "A campaign needs a cron expression, e.g. \"0 0 9 ? * MON\" (Quartz: seconds first)"));
            return null;
        }
        String cron = value.strip();
        if (!UserText.check("cron", cron, Kind.LINE, errors)) {
            return null;
        }
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            // Quartz's own message is not for users; where it stumbled is
            errors.add(InputError.field("cron", "'" + cron + "' is not a Quartz cron expression (seconds minutes hours"
                    + " day-of-month month day-of-week [year]); the problem is near position " + (e.getErrorOffset() + 1)));
            return null;
        }
        if (timezone != null && CampaignSchedule.nextFireTimes(cron, timezone, clock.instant(), 1).isEmpty()) {
            errors.add(InputError.field("cron", "'" + cron + "' never fires again"));
            return null;
        }
        return cron;
    }

    private AudienceRow audience(Long audienceId, List<InputError> errors) {
        if (audienceId == null) {
            errors.add(InputError.field("audienceId", "A campaign needs an audience"));
            return null;
        }
        try {
            return audiences.require(audienceId);
        } catch (NotFoundException e) {
            errors.add(InputError.field("audienceId", "Audience " + audienceId + " does not exist"));
            return null;
        }
    }

    private void requireColumns(AudienceRow audience, MessageTemplate template, List<InputError> errors) {
        try {
            audiences.header(audience.id()).requireColumns(audience.phoneColumn(), template.variables());
        } catch (InvalidInputException e) {
            errors.add(InputError.field("template", e.getMessage()));
        } catch (IOException e) {
            errors.add(InputError.field("audienceId", "The CSV of audience " + audience.id() + " cannot be read"));
        }
    }

    private static Overlap overlap(String value, List<InputError> errors) {
        if (value == null) {
            return Overlap.SKIP;
        }
        try {
            return Overlap.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(InputError.field("overlap", "overlap is SKIP, QUEUE or ALONGSIDE"));
            return null;
        }
    }

    private String window(SendWindow.Request request, String timezone, List<InputError> errors) {
        if (request == null) {
            return null;
        }
        try {
            return json.writeValueAsString(SendWindow.of(request, timezone == null ? "UTC" : timezone));
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
