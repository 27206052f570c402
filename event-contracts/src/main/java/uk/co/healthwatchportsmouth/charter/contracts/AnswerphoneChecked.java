package uk.co.healthwatchportsmouth.charter.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * Staff did the daily answerphone check. It is about no single contact, so its
 * {@code contactId} (the record key) is always {@link #KEY}: every check stays in order
 * on one partition.
 *
 * @param messagesFound how many recorded messages the check found (each is logged as an
 * ANSWERPHONE contact)
 */
public record AnswerphoneChecked(String eventId, Instant occurredAt, String contactId, Instant checkedAt,
		String checkedBy, int messagesFound) implements CharterEvent {

	/** The synthetic record key of every answerphone check. */
	public static final String KEY = "answerphone-check";

	public AnswerphoneChecked {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(checkedAt, "checkedAt");
		if (!KEY.equals(contactId)) {
			throw new IllegalArgumentException("contactId of an answerphone check must be " + KEY);
		}
		if (messagesFound < 0) {
			throw new IllegalArgumentException("messagesFound must not be negative");
		}
	}

	public AnswerphoneChecked(String eventId, Instant occurredAt, Instant checkedAt, String checkedBy,
			int messagesFound) {
		this(eventId, occurredAt, KEY, checkedAt, checkedBy, messagesFound);
	}

}
