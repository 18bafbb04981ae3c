/**
 * Review before launch ({@code sms.review.required}): a prepared batch waits in AWAITING_APPROVAL
 * until a user other than its creator approves or rejects it (the lifecycle table's {@code review}
 * actions, through the one door), and may be test-sent to seed numbers meanwhile.
 */
package org.smsengine.review;
