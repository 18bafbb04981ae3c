package org.smsengine.batch;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

/**
 * When a batch may be delivered: from {@code from} to {@code to} local time (to before from: over
 * midnight), on {@code days}, in {@code timezone}, or in each recipient's own time zone
 * ({@value #RECIPIENT}, from the number). Outside it delivery waits.
 */
public record SendWindow(LocalTime from, LocalTime to, Set<DayOfWeek> days, String timezone) {

    public static final String RECIPIENT = "recipient";

    /** As the API takes it: {@code {"from": "09:00", "to": "21:00", "days": ["MON", ...], "timezone": "Asia/Shanghai"}}. */
    public record Request(String from, String to, List<String> days, String timezone) {
    }

    public SendWindow {
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    /** A window from the API's form, or a 400 naming the field; {@code defaultZone} when it names none. */
    public static SendWindow of(Request request, String defaultZone) {
        String field = "sendWindow";
        LocalTime from = time(request.from(), field + ".from");
        LocalTime to = time(request.to(), field + ".to");
        if (from.equals(to)) {
            throw new InvalidInputException(InputError.field(field, "The send window never opens: from and to are both " + from));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (request.days() == null) {
            days = EnumSet.allOf(DayOfWeek.class);
        } else {
            for (String day : request.days()) {
                days.add(day(day, field + ".days"));
            }
        }
        if (days.isEmpty()) {
            throw new InvalidInputException(InputError.field(field + ".days", "The send window never opens: it has no days"));
        }
        String zone = request.timezone() == null || request.timezone().isBlank() ? defaultZone : request.timezone().strip();
        if (!RECIPIENT.equalsIgnoreCase(zone)) {
            zone(zone, field + ".timezone");
        } else {
            zone = RECIPIENT;
        }
        return new SendWindow(from, to, days, zone);
    }

    public boolean recipientLocal() {
        return RECIPIENT.equals(timezone);
    }

    /** The window's own zone (not for a recipient-local window). */
    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /** Whether the window is open at {@code now} in {@code zone}. */
    public boolean isOpen(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (from.isBefore(to)) {
            return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
        }
        // over midnight: the part after from belongs to today, the part before to to yesterday's window
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from)
                || days.contains(local.getDayOfWeek().minus(1)) && time.isBefore(to);
    }

    /** The next time the window opens in {@code zone} after {@code now} (now itself when open). */
    public Instant nextOpening(Instant now, ZoneId zone) {
        if (isOpen(now, zone)) {
            return now;
        }
        LocalDate date = now.atZone(zone).toLocalDate();
        for (int i = 0; i <= 8; i++) {
            LocalDate day = date.plusDays(i);
            if (days.contains(day.getDayOfWeek())) {
                Instant opening = day.atTime(from).atZone(zone).toInstant();
                if (opening.isAfter(now)) {
                    return opening;
                }
            }
        }
        throw new IllegalStateException("A send window with days " + days + " never opens");
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        days.forEach(d -> names.add(d.getDisplayName(TextStyle.SHORT, Locale.ROOT)));
        return from + "-" + to + " " + names + " " + timezone;
    }

    private static LocalTime time(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(InputError.field(field, "A send window needs " + field + " as HH:mm"));
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(InputError.field(field, "'" + value + "' is not a time of day (HH:mm)"));
        }
    }

    private static DayOfWeek day(String value, String field) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (v.length() >= 3 && day.name().startsWith(v)) {
                return day;
            }
        }
        throw new InvalidInputException(InputError.field(field, "'" + value + "' is not a day of the week (MON ... SUN)"));
    }

    public static ZoneId zone(String value, String field) {
        try {
            return ZoneId.of(value);
        } catch (RuntimeException e) {
            throw new InvalidInputException(InputError.field(field, "'" + value + "' is not a time zone (e.g. Asia/Shanghai, UTC)"));
        }
    }
}
