package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Instant;

/**
 * What the customer told us when asked for their views after resolution.
 *
 * @param score satisfaction from 1 (very dissatisfied) to 5 (very satisfied)
 * @param comment free text: personal data, never in events or logs; {@code null} once
 * erased
 */
public record Feedback(int score, String comment, Instant givenAt) {

	Feedback erased() {
		return new Feedback(this.score, null, this.givenAt);
	}

}
