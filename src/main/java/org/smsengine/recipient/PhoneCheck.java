package org.smsengine.recipient;

/** What a phone cell turned out to be. */
public sealed interface PhoneCheck {

    record Valid(String e164) implements PhoneCheck {
    }

    record Missing() implements PhoneCheck {
    }

    record Invalid(String why) implements PhoneCheck {
    }
}
