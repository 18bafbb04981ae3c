package org.smsengine.recipient;

/** What a phone cell turned out to be. */
public sealed interface PhoneCheck {

    /**
     * A number, in E.164, and the region (ISO 3166 alpha-2) it belongs to: null when it was not looked
     * up ({@link PhoneNumbers#checkPossible}).
     */
    record Valid(String e164, String region) implements PhoneCheck {
    }

    record Missing() implements PhoneCheck {
    }

    record Invalid(String why) implements PhoneCheck {
    }
}
