package uk.co.healthwatchportsmouth.charter.sla.standard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.co.healthwatchportsmouth.charter.calendar.BankHolidays;
import uk.co.healthwatchportsmouth.charter.calendar.OfficeHours;
import uk.co.healthwatchportsmouth.charter.calendar.SkippedDay;
import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CharterStandardsTest {

	private static final Map<String, Standard> STANDARDS = Map.of("EMAIL", Standard.workingDays("EMAIL", 2),
			"ANSWERPHONE", Standard.workingDays("ANSWERPHONE", 1), "LETTER", Standard.workingDays("LETTER", 5),
			"COMPLAINT_ACKNOWLEDGEMENT", Standard.workingDays("COMPLAINT_ACKNOWLEDGEMENT", 5), "COMPLAINT_RESPONSE",
			Standard.workingDays("COMPLAINT_RESPONSE", 20), "PROMISED_RESPONSE",
			new Standard("PROMISED_RESPONSE", 1, StandardKind.PROMISED, 0, null, ReminderRule.DEFAULT),
			"ANSWERPHONE_CHECK", new Standard("ANSWERPHONE_CHECK", 1, StandardKind.DAILY_CHECK, 0, LocalTime.of(10, 0),
					ReminderRule.DEFAULT));

	private static final Map<String, String> CHANNELS = Map.of("EMAIL", "EMAIL", "WEB_FORM", "EMAIL", "SOCIAL_MEDIA",
			"EMAIL", "IN_PERSON", "EMAIL", "PHONE", "EMAIL", "ANSWERPHONE", "ANSWERPHONE", "LETTER", "LETTER");

	/** Tuesday 24 November 2026, 10:00 GMT. */
	private static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T10:00:00Z");

	private final CharterStandards standards = CharterStandards.on(WorkingCalendar.englandAndWales(), STANDARDS,
			CHANNELS);

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

	@ParameterizedTest(name = "{0}: due {1}, reminded {2}")
	@CsvSource(delimiter = '|', textBlock = """
			EMAIL                     | 2026-11-26T17:00:00Z | 2026-11-25T13:30:00Z 2026-11-26T15:00:00Z
			ANSWERPHONE               | 2026-11-25T17:00:00Z | 2026-11-25T09:30:00Z 2026-11-25T15:00:00Z
			LETTER                    | 2026-12-01T17:00:00Z | 2026-11-27T09:30:00Z 2026-12-01T15:00:00Z
			COMPLAINT_ACKNOWLEDGEMENT | 2026-12-01T17:00:00Z | 2026-11-27T09:30:00Z 2026-12-01T15:00:00Z
			COMPLAINT_RESPONSE        | 2026-12-22T17:00:00Z | 2026-12-08T13:30:00Z 2026-12-22T15:00:00Z
			ANSWERPHONE_CHECK         | 2026-11-25T10:00:00Z | 2026-11-24T14:00:00Z 2026-11-24T16:00:00Z
			""")
	void eachStandardHasItsDeadlineAndRemindersHalfwayAndTwoWorkingHoursBefore(String name, Instant dueAt,
			String reminders) {
		Deadline deadline = this.standards.deadline(this.standards.standardNamed(name).orElseThrow(), TUESDAY_MORNING,
				null);

		assertThat(deadline.dueAt()).isEqualTo(dueAt);
		assertThat(deadline.reminders())
			.containsExactlyElementsOf(java.util.Arrays.stream(reminders.split(" ")).map(Instant::parse).toList());
	}

	@Test
	void aReminderThatWouldFallAtClosingTimeMovesToTheNextOpening() {
		Deadline deadline = this.standards.deadlineFor("ANSWERPHONE", Instant.parse("2026-11-24T09:00:00Z"))
			.orElseThrow();

		assertThat(deadline.reminders()).containsExactly(Instant.parse("2026-11-25T09:00:00Z"),
				Instant.parse("2026-11-25T15:00:00Z"));
	}

	@Test
	void aReminderThatWouldFallOvernightAfterAnEveningPromiseIsDropped() {
		Standard promised = this.standards.standardNamed("PROMISED_RESPONSE").orElseThrow();

		Deadline evening = this.standards.deadline(promised, Instant.parse("2026-11-24T18:00:00Z"),
				Instant.parse("2026-11-24T20:00:00Z"));
		Deadline lateAfternoon = this.standards.deadline(promised, Instant.parse("2026-11-24T16:30:00Z"),
				Instant.parse("2026-11-24T20:00:00Z"));

		assertThat(evening.dueAt()).isEqualTo(Instant.parse("2026-11-24T20:00:00Z"));
		assertThat(evening.reminders()).as("the next opening is after the promise").isEmpty();
		assertThat(lateAfternoon.reminders()).containsExactly(Instant.parse("2026-11-24T16:45:00Z"));
	}

	@Test
	void aPromisedResponseIsDueWhenPromisedAndNeedsThePromise() {
		Standard promised = this.standards.standardNamed("PROMISED_RESPONSE").orElseThrow();

		assertThat(this.standards.deadline(promised, TUESDAY_MORNING, Instant.parse("2026-11-30T11:00:00Z")).dueAt())
			.isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.standards.deadline(promised, TUESDAY_MORNING, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.standards.deadline(promised, TUESDAY_MORNING, TUESDAY_MORNING.minusSeconds(1)));
	}

	@ParameterizedTest(name = "received {0}: check due {1}")
	@CsvSource(textBlock = """
			2026-11-24T08:00:00Z, 2026-11-24T10:00:00Z
			2026-11-24T10:30:00Z, 2026-11-25T10:00:00Z
			2026-11-27T12:00:00Z, 2026-11-30T10:00:00Z
			2026-07-07T07:00:00Z, 2026-07-07T09:00:00Z
			2026-12-24T11:00:00Z, 2026-12-29T10:00:00Z
			""")
	void theAnswerphoneIsCheckedByTenOnTheNextWorkingMorning(Instant receivedAt, Instant dueAt) {
		Standard check = this.standards.standardNamed("ANSWERPHONE_CHECK").orElseThrow();

		assertThat(this.standards.deadline(check, receivedAt, null).dueAt()).isEqualTo(dueAt);
	}

	@Test
	void thePlanExplainsTheDaysCountedAndSkipped() {
		DeadlinePlan plan = this.standards.plan(this.standards.standardNamed("EMAIL").orElseThrow(),
				Instant.parse("2025-12-24T16:30:00Z"), null);

		assertThat(plan.deadline().dueAt()).isEqualTo(Instant.parse("2025-12-30T17:00:00Z"));
		assertThat(plan.countingDay()).isEqualTo(LocalDate.of(2025, 12, 24));
		assertThat(plan.workingDaysCounted()).containsExactly(LocalDate.of(2025, 12, 29), LocalDate.of(2025, 12, 30));
		assertThat(plan.skippedDays()).extracting(SkippedDay::reason)
			.containsExactly("Christmas Day", "Boxing Day", "weekend", "weekend");
	}

	@Test
	void aNewClosureDayAppliesToTheNextDeadlineWorkedOut() {
		WorkingCalendar[] current = { WorkingCalendar.englandAndWales() };
		CharterStandards live = new CharterStandards(() -> current[0], STANDARDS, CHANNELS);
		assertThat(live.deadlineFor("EMAIL", TUESDAY_MORNING).orElseThrow().dueAt())
			.isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));

		current[0] = new WorkingCalendar(WorkingCalendar.LONDON, OfficeHours.DEFAULT, BankHolidays.shipped(),
				Set.of(LocalDate.of(2026, 11, 25)));

		assertThat(live.deadlineFor("EMAIL", TUESDAY_MORNING).orElseThrow().dueAt())
			.isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
	}

	@Test
	void aStandardIsFoundByItsNameOrByAChannelItCovers() {
		assertThat(this.standards.standardNamed("WEB_FORM")).map(Standard::name).contains("EMAIL");
		assertThat(this.standards.standardNamed("COMPLAINT_RESPONSE")).map(Standard::workingDays).contains(20);
		assertThat(this.standards.standardNamed("CARRIER_PIGEON")).isEmpty();
	}

	@Test
	void aChannelNoStandardCoversHasNoDeadline() {
		assertThat(this.standards.deadlineFor("CARRIER_PIGEON", TUESDAY_MORNING)).isEmpty();
	}

	@Test
	void aDeadlineKeepsTheStandardVersionItWasWorkedOutUnder() {
		Standard revised = new Standard("EMAIL", 3, StandardKind.WORKING_DAYS, 2, null,
				new ReminderRule(List.of(), List.of(Duration.ofHours(1))));

		Deadline deadline = this.standards.deadline(revised, TUESDAY_MORNING, null);

		assertThat(deadline.standardVersion()).isEqualTo(3);
		assertThat(deadline.reminders()).containsExactly(Instant.parse("2026-11-26T16:00:00Z"));
	}

}
