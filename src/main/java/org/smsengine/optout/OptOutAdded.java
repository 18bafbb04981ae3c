package org.smsengine.optout;

import java.util.List;
import org.smsengine.system.InputError;

/**
 * What an addition did: numbers {@code added}, numbers {@code already} on the list (or given twice),
 * and the entries that are no number, by their place in {@code phones} (from 1).
 */
record OptOutAdded(int added, int already, List<InputError> invalid) {
}
