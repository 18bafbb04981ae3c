/**
 * Review before launch ({@code sms.review.required}): a prepared batch waits in AWAITING_APPROVAL
 * until a user other than its creator approves or rejects it (the lifecycle table's {@code review}
 * actions, through the one door), and may be test-sent to seed numbers meanwhile: by its approver
 * (or an admin), each seed screened as the batch's messages are, within a few calls and seeds per
 * batch, audited and counted in the batch's cost.
 */
package org.smsengine.review;
