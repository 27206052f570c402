package uk.co.healthwatchportsmouth.charter.sla.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Times are written with their London offset (+00:00 GMT, +01:00 BST), so each row reads
 * as local time and is still an exact instant.
 */
class WorkingCalendarTest {

	private final WorkingCalendar calendar = WorkingCalendar.london();

	@ParameterizedTest(name = "{3}")
	@CsvSource(delimiter = '|',
			textBlock = """
					2026-11-24T16:59+00:00 | 2 | 2026-11-26T17:00+00:00 | a minute before close counts from that day
					2026-11-24T17:00+00:00 | 2 | 2026-11-27T17:00+00:00 | at close counts from the next working day
					2026-11-24T17:01+00:00 | 2 | 2026-11-27T17:00+00:00 | after close counts from the next working day
					2026-11-24T08:00+00:00 | 2 | 2026-11-26T17:00+00:00 | before opening counts from that same day
					2026-11-28T10:00+00:00 | 2 | 2026-12-02T17:00+00:00 | Saturday counts from Monday
					2026-11-29T10:00+00:00 | 1 | 2026-12-01T17:00+00:00 | Sunday counts from Monday
					2026-11-27T18:30+00:00 | 1 | 2026-12-01T17:00+00:00 | Friday evening counts from Monday
					2026-11-27T16:00+00:00 | 1 | 2026-11-30T17:00+00:00 | Friday afternoon is due Monday
					2026-11-23T10:00+00:00 | 5 | 2026-11-30T17:00+00:00 | five working days from Monday is the next Monday
					2026-11-25T12:00+00:00 | 5 | 2026-12-02T17:00+00:00 | five working days skip the weekend
					2026-03-27T16:59+00:00 | 1 | 2026-03-30T17:00+01:00 | due on the first BST Monday at 17:00 local
					2026-03-27T17:30+00:00 | 2 | 2026-04-01T17:00+01:00 | Friday evening GMT, due Wednesday 17:00 BST
					2026-03-28T23:30+00:00 | 1 | 2026-03-31T17:00+01:00 | the weekend the clocks go forward
					2026-10-23T16:30+01:00 | 1 | 2026-10-26T17:00+00:00 | due on the first GMT Monday at 17:00 local
					2026-10-23T17:00+01:00 | 1 | 2026-10-27T17:00+00:00 | Friday close BST, due Tuesday 17:00 GMT
					2026-10-25T01:30+00:00 | 2 | 2026-10-28T17:00+00:00 | the repeated hour of the night the clocks go back
					2026-06-02T00:30+01:00 | 1 | 2026-06-03T17:00+01:00 | just after midnight BST is Tuesday, though still Monday in UTC
					2026-06-03T17:30+01:00 | 1 | 2026-06-05T17:00+01:00 | 16:30 UTC is after close in summer
					""")
	void deadlineIsOfficeCloseOnTheNthWorkingDayAfterTheCountingDay(OffsetDateTime receivedAt, int workingDays,
			OffsetDateTime dueAt, String rule) {
		assertThat(this.calendar.closeOfBusiness(receivedAt.toInstant(), workingDays)).isEqualTo(dueAt.toInstant());
	}

	@Test
	void deadlinesAreHeldAsInstantsSoTheSameLocalCloseIsAnHourApartInUtcAcrossTheClockChange() {
		assertThat(this.calendar.closingTime(LocalDate.parse("2026-03-27"))).hasToString("2026-03-27T17:00:00Z");
		assertThat(this.calendar.closingTime(LocalDate.parse("2026-03-30"))).hasToString("2026-03-30T16:00:00Z");
	}

	@Test
	void onlyWeekdaysAreWorkingDays() {
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("2026-11-27"))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("2026-11-29"))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("2026-11-30"))).isTrue();
	}

	@Test
	void officeHoursAreConfigurable() {
		WorkingCalendar earlyClose = new WorkingCalendar(ZoneId.of("Europe/London"), LocalTime.of(8, 0),
				LocalTime.of(16, 0));

		assertThat(earlyClose.closeOfBusiness(OffsetDateTime.parse("2026-11-24T16:30+00:00").toInstant(), 1))
			.isEqualTo(OffsetDateTime.parse("2026-11-26T16:00+00:00").toInstant());
	}

	@Test
	void anOfficeThatClosesBeforeItOpensIsRejected() {
		assertThatThrownBy(
				() -> new WorkingCalendar(ZoneId.of("Europe/London"), LocalTime.of(17, 0), LocalTime.of(9, 0)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aStandardGivesAtLeastOneWorkingDay() {
		assertThatThrownBy(
				() -> this.calendar.closeOfBusiness(OffsetDateTime.parse("2026-11-24T10:00Z").toInstant(), 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
