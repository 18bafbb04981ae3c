package org.smsengine.system;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/**
 * A setting that is a schedule: a Spring cron expression of six fields (second first), or {@code "-"} for never. A
 * wrong one stops start-up naming its key, not only the method that would have been scheduled with it.
 */
@Documented
@Constraint(validatedBy = Cron.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface Cron {

    String message() default "must be a cron expression of six fields (second, minute, hour, day of month, month, day of"
            + " week), or \"-\" for never";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Cron, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Scheduled.CRON_DISABLED.equals(value) || CronExpression.isValidExpression(value);
        }
    }
}
