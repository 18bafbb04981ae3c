package org.smsengine.lifecycle;

import java.util.List;
import org.smsengine.system.NotFoundException;

/** {@code POST /api/v1/batches/{id}/{action}} with an action the lifecycle does not have (404). */
class UnknownActionException extends NotFoundException {

    UnknownActionException(String action, List<String> actions) {
        super("There is no action '" + action + "'; the actions are " + actions);
    }
}
