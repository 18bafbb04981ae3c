package org.smsengine.optout;

import java.util.ArrayList;
import java.util.List;
import org.smsengine.batch.SendParameterValidator;
import org.smsengine.recipient.PhoneCheck;
import org.smsengine.recipient.PhoneNumbers;
import org.smsengine.system.InputError;
import org.smsengine.system.PayloadTooLargeException;
import org.springframework.stereotype.Service;

/**
 * Numbers opted out over the API (the JSON form): each read like a batch's recipient, the numbers
 * among them added in one statement, the others answered by their place in the request. Whatever
 * is wrong with the request as a whole (no numbers, too many, a bad region or reason) is a 400 or
 * 413 and adds nothing.
 */
@Service
class OptOutAdditions {

    private final OptOutList list;
    private final SendParameterValidator parameters;
    private final OptOutSettings settings;

    OptOutAdditions(OptOutList list, SendParameterValidator parameters, OptOutSettings settings) {
        this.list = list;
        this.parameters = parameters;
        this.settings = settings;
    }

    OptOutAdded add(OptOutRequest request, String actor) {
        List<InputError> errors = new ArrayList<>();
        String region = parameters.region(request.region(), null, errors);
        String reason = OptOutNumbers.reason(request.reason(), false, errors);
        List<String> phones = request.phones();
        if (phones == null || phones.isEmpty()) {
            errors.add(InputError.field("phones", "phones must list at least one number"));
        }
        SendParameterValidator.throwIfAny("The opt-out request is not valid", errors);
        if (phones.size() > settings.maxPhones()) {
            throw new PayloadTooLargeException("One request adds at most " + settings.maxPhones()
                    + " numbers (sms.consent.opt-out.max-phones); import a CSV for more");
        }
        List<String> valid = new ArrayList<>(phones.size());
        List<InputError> invalid = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            PhoneCheck check = PhoneNumbers.checkPossible(phones.get(i), region);
            if (check instanceof PhoneCheck.Valid number) {
                valid.add(number.e164());
            } else {
                invalid.add(InputError.row(i + 1, OptOutNumbers.problem(check, region).orElseThrow()));
            }
        }
        int added = list.addAll(valid, OptOutSource.API, reason, actor);
        return new OptOutAdded(added, valid.size() - added, invalid);
    }

    /** Takes the number off the list with the reason it is audited with; 404 when it was not on it. */
    void remove(String phone, RemovalRequest request, String actor) {
        List<InputError> errors = new ArrayList<>();
        String reason = OptOutNumbers.reason(request == null ? null : request.reason(), true, errors);
        SendParameterValidator.throwIfAny("The removal is not valid", errors);
        if (!list.remove(phone, reason, actor)) {
            throw new OptOutNotFoundException(phone);
        }
    }
}
