package org.smsengine.optout;

import org.smsengine.system.NotFoundException;

/** The number is not on the opt-out list (404); the number is named as the caller may see it. */
class OptOutNotFoundException extends NotFoundException {

    OptOutNotFoundException(String shownPhone) {
        super(shownPhone + " is not on the opt-out list");
    }
}
