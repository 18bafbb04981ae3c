/**
 * What delivery asks of each page before it submits ({@link org.smsengine.delivery.screening.PageScreen}): who
 * opted out since the batch was prepared, who is over a frequency cap. Review's test-sends ask the same.
 */
@NamedInterface("screening")
package org.smsengine.delivery.screening;

import org.springframework.modulith.NamedInterface;
