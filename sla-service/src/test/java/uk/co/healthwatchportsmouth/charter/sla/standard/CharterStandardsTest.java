package uk.co.healthwatchportsmouth.charter.sla.standard;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.co.healthwatchportsmouth.charter.sla.calendar.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;

class CharterStandardsTest {

	private static final Standard EMAIL = new Standard("EMAIL", 2);

	private static final Standard ANSWERPHONE = new Standard("ANSWERPHONE", 1);

	private static final Standard LETTER = new Standard("LETTER", 5);

	private static final Map<String, Standard> BY_CHANNEL = Map.of("EMAIL", EMAIL, "WEB_FORM", EMAIL, "SOCIAL_MEDIA",
			EMAIL, "IN_PERSON", EMAIL, "PHONE", EMAIL, "ANSWERPHONE", ANSWERPHONE, "LETTER", LETTER);

	/** Tuesday 24 November 2026, 10:00 GMT. */
	private static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T10:00:00Z");

	private final CharterStandards standards = new CharterStandards(WorkingCalendar.london(), BY_CHANNEL,
			Duration.ofHours(2));

	@ParameterizedTest(name = "{0} -> {1}, due {2}")
	@CsvSource(delimiter = '|', textBlock = """
			EMAIL        | EMAIL       | 2026-11-26T17:00:00Z
			WEB_FORM     | EMAIL       | 2026-11-26T17:00:00Z
			SOCIAL_MEDIA | EMAIL       | 2026-11-26T17:00:00Z
			IN_PERSON    | EMAIL       | 2026-11-26T17:00:00Z
			PHONE        | EMAIL       | 2026-11-26T17:00:00Z
			ANSWERPHONE  | ANSWERPHONE | 2026-11-25T17:00:00Z
			LETTER       | LETTER      | 2026-12-01T17:00:00Z
			""")
	void eachChannelIsCoveredByItsStandard(String channel, String standard, Instant dueAt) {
		Deadline deadline = this.standards.deadlineFor(channel, TUESDAY_MORNING).orElseThrow();

		assertThat(deadline.standard()).isEqualTo(standard);
		assertThat(deadline.startedAt()).isEqualTo(TUESDAY_MORNING);
		assertThat(deadline.dueAt()).isEqualTo(dueAt);
	}

	@Test
	void theReminderFallsTheConfiguredTimeBeforeTheDeadline() {
		Deadline deadline = this.standards.deadlineFor("ANSWERPHONE", TUESDAY_MORNING).orElseThrow();

		assertThat(deadline.reminder()).contains(Instant.parse("2026-11-25T15:00:00Z"));
	}

	@Test
	void noReminderWhenItWouldFallBeforeTheClockStarted() {
		CharterStandards remindEarly = new CharterStandards(WorkingCalendar.london(), BY_CHANNEL, Duration.ofDays(3));

		Deadline deadline = remindEarly.deadlineFor("ANSWERPHONE", TUESDAY_MORNING).orElseThrow();

		assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-11-25T17:00:00Z"));
		assertThat(deadline.reminder()).isEmpty();
	}

	@Test
	void aChannelNoStandardCoversHasNoDeadline() {
		assertThat(this.standards.deadlineFor("CARRIER_PIGEON", TUESDAY_MORNING)).isEmpty();
	}

}
