package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;

/**
 * The complaint at one escalation stage, and that stage's response once given.
 *
 * @param reason why the complainant is not satisfied; free text, never published
 */
public record Escalation(String stage, int stageNumber, Instant escalatedAt, String reason, Instant respondedAt,
		Outcome outcome) {

	Escalation responded(Instant at, Outcome result) {
		return new Escalation(this.stage, this.stageNumber, this.escalatedAt, this.reason, at, result);
	}

}
