package uk.co.healthwatchportsmouth.charter.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {

	private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

	@ParameterizedTest(name = "received {0}, {1} working day(s): due {2}")
	@CsvSource(textBlock = """
			# substitute days
			2025-12-24T16:30:00Z, 2, 2025-12-30T17:00:00Z
			2020-12-24T10:00:00Z, 1, 2020-12-29T17:00:00Z
			2021-12-24T10:00:00Z, 1, 2021-12-29T17:00:00Z
			2022-12-23T10:00:00Z, 1, 2022-12-28T17:00:00Z
			2021-12-31T10:00:00Z, 1, 2022-01-04T17:00:00Z
			2022-12-30T10:00:00Z, 1, 2023-01-03T17:00:00Z
			2026-12-24T10:00:00Z, 1, 2026-12-29T17:00:00Z
			2027-12-24T10:00:00Z, 1, 2027-12-29T17:00:00Z
			# one-off holidays (BST: 17:00 local is 16:00Z)
			2020-05-07T09:00:00Z, 1, 2020-05-11T16:00:00Z
			2022-06-01T11:00:00Z, 1, 2022-06-06T16:00:00Z
			2022-09-16T11:00:00Z, 1, 2022-09-20T16:00:00Z
			2023-05-05T11:00:00Z, 1, 2023-05-09T16:00:00Z
			# at closing time, winter and summer
			2025-03-11T16:59:00Z, 1, 2025-03-12T17:00:00Z
			2025-03-11T17:00:00Z, 1, 2025-03-13T17:00:00Z
			2025-03-11T17:01:00Z, 1, 2025-03-13T17:00:00Z
			2025-07-08T15:59:00Z, 1, 2025-07-09T16:00:00Z
			2025-07-08T16:00:00Z, 1, 2025-07-10T16:00:00Z
			2025-07-08T16:01:00Z, 1, 2025-07-10T16:00:00Z
			# before opening counts the same day
			2025-03-11T07:00:00Z, 1, 2025-03-12T17:00:00Z
			2025-03-11T00:00:00Z, 5, 2025-03-18T17:00:00Z
			# weekends and holidays count from the next working day
			2025-03-15T10:00:00Z, 1, 2025-03-18T17:00:00Z
			2025-03-16T23:59:00Z, 2, 2025-03-19T17:00:00Z
			2025-04-21T09:00:00Z, 1, 2025-04-23T16:00:00Z
			2025-04-18T09:00:00Z, 2, 2025-04-24T16:00:00Z
			2025-03-11T10:00:00Z, 20, 2025-04-08T16:00:00Z
			""")
	void deadlineIsCloseOfBusinessOnTheNthWorkingDayAfterTheCountingDay(Instant receivedAt, int workingDays,
			Instant expected) {
		assertThat(CALENDAR.closeOfBusiness(receivedAt, workingDays)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "received Friday {0} before the spring change: due {1}")
	@CsvSource(textBlock = """
			2018-03-23T12:00:00Z, 2018-03-26T16:00:00Z
			2019-03-29T12:00:00Z, 2019-04-01T16:00:00Z
			2020-03-27T12:00:00Z, 2020-03-30T16:00:00Z
			2021-03-26T12:00:00Z, 2021-03-29T16:00:00Z
			2022-03-25T12:00:00Z, 2022-03-28T16:00:00Z
			2023-03-24T12:00:00Z, 2023-03-27T16:00:00Z
			2024-03-29T12:00:00Z, 2024-04-03T16:00:00Z
			2025-03-28T12:00:00Z, 2025-03-31T16:00:00Z
			2026-03-27T12:00:00Z, 2026-03-30T16:00:00Z
			2027-03-26T12:00:00Z, 2027-03-31T16:00:00Z
			""")
	void deadlineAfterTheClocksGoForwardIsFiveOClockSummerTime(Instant receivedAt, Instant expected) {
		assertThat(receivedAt.atZone(WorkingCalendar.LONDON).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
		assertThat(CALENDAR.closeOfBusiness(receivedAt, 1)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "received Friday {0} before the autumn change: due {1}")
	@CsvSource(textBlock = """
			2018-10-26T11:00:00Z, 2018-10-29T17:00:00Z
			2019-10-25T11:00:00Z, 2019-10-28T17:00:00Z
			2020-10-23T11:00:00Z, 2020-10-26T17:00:00Z
			2021-10-29T11:00:00Z, 2021-11-01T17:00:00Z
			2022-10-28T11:00:00Z, 2022-10-31T17:00:00Z
			2023-10-27T11:00:00Z, 2023-10-30T17:00:00Z
			2024-10-25T11:00:00Z, 2024-10-28T17:00:00Z
			2025-10-24T11:00:00Z, 2025-10-27T17:00:00Z
			2026-10-23T11:00:00Z, 2026-10-26T17:00:00Z
			2027-10-29T11:00:00Z, 2027-11-01T17:00:00Z
			""")
	void deadlineAfterTheClocksGoBackIsFiveOClockGreenwichTime(Instant receivedAt, Instant expected) {
		assertThat(receivedAt.atZone(WorkingCalendar.LONDON).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
		assertThat(CALENDAR.closeOfBusiness(receivedAt, 1)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = ';', textBlock = """
			2025-12-27; weekend
			2025-12-25; Christmas Day
			2026-12-28; Boxing Day (substitute day)
			2021-12-27; Christmas Day (substitute day)
			2040-12-25; Christmas Day
			2025-12-31; office closed
			""")
	void explainsWhyADayIsNotWorking(LocalDate date, String reason) {
		WorkingCalendar withClosure = new WorkingCalendar(WorkingCalendar.LONDON, OfficeHours.DEFAULT,
				BankHolidays.shipped(), Set.of(LocalDate.of(2025, 12, 31)));
		assertThat(withClosure.isWorkingDay(date)).isFalse();
		assertThat(withClosure.whyNotWorking(date)).contains(reason);
	}

	@Test
	void anOrdinaryWeekdayIsAWorkingDayWithNoReason() {
		assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 12, 23))).isTrue();
		assertThat(CALENDAR.whyNotWorking(LocalDate.of(2025, 12, 23))).isEmpty();
	}

	@Test
	void aClosureDayPushesTheDeadline() {
		WorkingCalendar withClosure = new WorkingCalendar(WorkingCalendar.LONDON, OfficeHours.DEFAULT,
				BankHolidays.shipped(), Set.of(LocalDate.of(2025, 12, 29)));
		assertThat(withClosure.closeOfBusiness(Instant.parse("2025-12-24T16:30:00Z"), 2))
			.isEqualTo(Instant.parse("2025-12-31T17:00:00Z"));
		assertThat(withClosure.fingerprint()).isNotEqualTo(CALENDAR.fingerprint());
	}

	@Test
	void deadlineExplanationListsTheDaysCountedAndSkippedWithReasons() {
		DeadlineExplanation explanation = CALENDAR.explain(Instant.parse("2025-12-24T16:30:00Z"), 2);
		assertThat(explanation.countingDay()).isEqualTo(LocalDate.of(2025, 12, 24));
		assertThat(explanation.workingDaysCounted()).containsExactly(LocalDate.of(2025, 12, 29),
				LocalDate.of(2025, 12, 30));
		assertThat(explanation.skippedDays()).containsExactly(
				new SkippedDay(LocalDate.of(2025, 12, 25), "Christmas Day"),
				new SkippedDay(LocalDate.of(2025, 12, 26), "Boxing Day"),
				new SkippedDay(LocalDate.of(2025, 12, 27), "weekend"),
				new SkippedDay(LocalDate.of(2025, 12, 28), "weekend"));
		assertThat(explanation.dueAt()).isEqualTo(Instant.parse("2025-12-30T17:00:00Z"));
	}

	@Test
	void deadlineSkipsTheBoxingDaySubstituteHoliday() {
		DeadlineExplanation explanation = CALENDAR.explain(Instant.parse("2026-12-24T10:00:00Z"), 1);
		assertThat(explanation.skippedDays())
			.contains(new SkippedDay(LocalDate.of(2026, 12, 28), "Boxing Day (substitute day)"));
		assertThat(explanation.dueAt()).isEqualTo(Instant.parse("2026-12-29T17:00:00Z"));
	}

	@ParameterizedTest(name = "{0} open: {1}")
	@CsvSource(textBlock = """
			2025-03-11T08:59:59Z, false
			2025-03-11T09:00:00Z, true
			2025-03-11T16:59:59Z, true
			2025-03-11T17:00:00Z, false
			2025-07-08T08:00:00Z, true
			2025-07-08T16:00:00Z, false
			2025-03-15T12:00:00Z, false
			2025-12-25T12:00:00Z, false
			""")
	void theOfficeIsOpenOnWorkingDaysWithinOfficeHours(Instant instant, boolean open) {
		assertThat(CALENDAR.isOpen(instant)).isEqualTo(open);
	}

	@ParameterizedTest(name = "after {0} the office opens {1}")
	@CsvSource(textBlock = """
			2025-03-11T12:00:00Z, 2025-03-11T12:00:00Z
			2025-03-11T06:00:00Z, 2025-03-11T09:00:00Z
			2025-03-11T17:00:00Z, 2025-03-12T09:00:00Z
			2025-03-14T18:00:00Z, 2025-03-17T09:00:00Z
			2025-12-24T17:30:00Z, 2025-12-29T09:00:00Z
			2025-03-28T18:00:00Z, 2025-03-31T08:00:00Z
			""")
	void nextOpeningIsTheInstantItselfOrTheNextWorkingMorning(Instant instant, Instant expected) {
		assertThat(CALENDAR.nextOpening(instant)).isEqualTo(expected);
	}

	@Test
	void workingTimeCarriesOverNightsAndWeekends() {
		Instant fridayFourPm = Instant.parse("2025-03-14T16:00:00Z");
		Instant mondayTenAm = Instant.parse("2025-03-17T10:00:00Z");
		assertThat(CALENDAR.plusWorkingTime(fridayFourPm, Duration.ofHours(2))).isEqualTo(mondayTenAm);
		assertThat(CALENDAR.minusWorkingTime(mondayTenAm, Duration.ofHours(2))).isEqualTo(fridayFourPm);
		assertThat(CALENDAR.workingTimeBetween(fridayFourPm, mondayTenAm)).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void twoWorkingHoursBeforeAFiveOClockDeadlineIsThreeOClock() {
		assertThat(CALENDAR.minusWorkingTime(Instant.parse("2025-07-10T16:00:00Z"), Duration.ofHours(2)))
			.isEqualTo(Instant.parse("2025-07-10T14:00:00Z"));
	}

	@Test
	void workingTimeStartingOutsideOfficeHoursStartsAtTheNextOpening() {
		assertThat(CALENDAR.plusWorkingTime(Instant.parse("2025-03-15T10:00:00Z"), Duration.ofMinutes(30)))
			.isEqualTo(Instant.parse("2025-03-17T09:30:00Z"));
		assertThat(CALENDAR.workingTimeBetween(Instant.parse("2025-03-11T00:00:00Z"),
				Instant.parse("2025-03-12T23:00:00Z")))
			.isEqualTo(Duration.ofHours(16));
	}

	@Test
	void workingTimeAcrossTheSpringClockChangeIsStillEightHoursADay() {
		Instant fridayOpening = Instant.parse("2025-03-28T09:00:00Z");
		Instant mondayClose = Instant.parse("2025-03-31T16:00:00Z");
		assertThat(CALENDAR.workingTimeBetween(fridayOpening, mondayClose)).isEqualTo(Duration.ofHours(16));
		assertThat(CALENDAR.plusWorkingTime(fridayOpening, Duration.ofHours(16))).isEqualTo(mondayClose);
	}

	@Test
	void configuredOfficeHoursMoveDeadlinesAndOpenings() {
		WorkingCalendar early = new WorkingCalendar(WorkingCalendar.LONDON,
				new OfficeHours(LocalTime.of(8, 0), LocalTime.of(16, 0)), BankHolidays.shipped(), Set.of());
		assertThat(early.closeOfBusiness(Instant.parse("2025-03-11T16:30:00Z"), 1))
			.isEqualTo(Instant.parse("2025-03-13T16:00:00Z"));
		assertThat(early.nextOpening(Instant.parse("2025-03-11T16:30:00Z")))
			.isEqualTo(Instant.parse("2025-03-12T08:00:00Z"));
	}

	@Test
	void deadlinesOutsideThePrecomputedYearsFollowTheSameRules() {
		ZonedDateTime due = CALENDAR.closeOfBusiness(Instant.parse("2150-12-24T12:00:00Z"), 1)
			.atZone(WorkingCalendar.LONDON);
		assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(17, 0));
		assertThat(CALENDAR.isWorkingDay(due.toLocalDate())).isTrue();
		assertThat(due.toLocalDate()).isAfter(LocalDate.of(2150, 12, 26));
	}

}
