package uk.co.healthwatchportsmouth.charter.sla.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.sla.clock.ClockState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ComplianceReportTest {

	static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

	/** 09:00 on Monday 6 January 2025 in London (GMT). */
	static final Instant MONDAY_MORNING = Instant.parse("2025-01-06T09:00:00Z");

	static Stream<Arguments> percentiles() {
		return Stream.of(Arguments.of(List.of(), 50, null), Arguments.of(List.of(5), 50, 5),
				Arguments.of(List.of(5), 90, 5), Arguments.of(List.of(1, 2), 50, 1), Arguments.of(List.of(1, 2), 90, 2),
				Arguments.of(List.of(1, 2, 3), 50, 2), Arguments.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90, 9),
				Arguments.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 90, 10),
				Arguments.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 50, 5));
	}

	@ParameterizedTest(name = "{1}th percentile of {0} minutes is {2}")
	@MethodSource
	void percentiles(List<Integer> minutes, int percent, Integer expected) {
		List<Duration> sorted = minutes.stream().map(Duration::ofMinutes).toList();
		assertThat(ComplianceReport.percentile(sorted, percent))
			.isEqualTo((expected != null) ? Duration.ofMinutes(expected) : null);
	}

	static Stream<Arguments> monthOfTheDeadlineInLondon() {
		return Stream.of(Arguments.of("2025-01-31T23:59:00Z", "2025-01"),
				Arguments.of("2025-02-01T00:00:00Z", "2025-02"),
				// British Summer Time: 23:30 UTC on 31 March is 00:30 on 1 April
				Arguments.of("2025-03-31T22:59:00Z", "2025-03"), Arguments.of("2025-03-31T23:00:00Z", "2025-04"),
				Arguments.of("2025-10-31T23:30:00Z", "2025-10"), Arguments.of("2025-05-31T23:30:00Z", "2025-06"));
	}

	@ParameterizedTest(name = "due {0} counts in {1}")
	@MethodSource
	void monthOfTheDeadlineInLondon(String dueAt, String month) {
		List<ComplianceRow> rows = ComplianceReport.of(
				List.of(outcome("EMAIL", ClockState.RUNNING, Instant.parse(dueAt), null, false)),
				LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of("EMAIL"), CALENDAR);
		assertThat(rows).hasSize(12);
		assertThat(rows).filteredOn((row) -> row.open() == 1)
			.extracting(ComplianceRow::month)
			.containsExactly(YearMonth.parse(month));
	}

	@Test
	void everyMonthOfThePeriodHasARowForEveryStandardEvenWithoutClocks() {
		List<ComplianceRow> rows = ComplianceReport.of(List.of(), LocalDate.of(2025, 1, 15), LocalDate.of(2025, 3, 2),
				List.of("EMAIL", "ANSWERPHONE"), CALENDAR);
		assertThat(rows).extracting(ComplianceRow::standard, ComplianceRow::month)
			.containsExactly(tuple("ANSWERPHONE", YearMonth.of(2025, 1)), tuple("EMAIL", YearMonth.of(2025, 1)),
					tuple("ANSWERPHONE", YearMonth.of(2025, 2)), tuple("EMAIL", YearMonth.of(2025, 2)),
					tuple("ANSWERPHONE", YearMonth.of(2025, 3)), tuple("EMAIL", YearMonth.of(2025, 3)));
		assertThat(rows).allSatisfy((row) -> {
			assertThat(Arrays.asList(row.met(), row.breached(), row.open(), row.cancelled())).containsOnly(0);
			assertThat(row.medianTimeToRespond()).isNull();
			assertThat(row.p90TimeToRespond()).isNull();
			assertThat(row.firstContactResolutionRate()).isNull();
		});
	}

	@Test
	void clocksDueOutsideThePeriodAreNotCounted() {
		List<ComplianceRow> rows = ComplianceReport.of(
				List.of(outcome("EMAIL", ClockState.MET, Instant.parse("2025-02-01T00:00:00Z"), null, false)),
				LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), List.of("EMAIL"), CALENDAR);
		assertThat(rows).singleElement().satisfies((row) -> assertThat(row.met()).isZero());
	}

	@Test
	void statesAreCountedTimesToRespondAreWorkingTimeAndTheResolutionRateIsOverAnsweredFirstResponses() {
		Instant due = Instant.parse("2025-01-08T17:00:00Z");
		List<ClockOutcome> clocks = List.of(
				outcome("EMAIL", ClockState.MET, due, Instant.parse("2025-01-06T10:00:00Z"), true),
				outcome("EMAIL", ClockState.MET, due, Instant.parse("2025-01-06T13:00:00Z"), false),
				// answered on Thursday 11:00: 8 + 8 + 8 + 2 working hours
				outcome("EMAIL", ClockState.MET_AFTER_BREACH, due, Instant.parse("2025-01-09T11:00:00Z"), false),
				outcome("EMAIL", ClockState.BREACHED, due, null, false),
				outcome("EMAIL", ClockState.PAUSED, due, null, false),
				outcome("EMAIL", ClockState.RUNNING, due, null, false),
				outcome("EMAIL", ClockState.CANCELLED, due, null, false));
		ComplianceRow january = ComplianceReport
			.of(clocks, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), List.of(), CALENDAR)
			.get(0);
		assertThat(january).isEqualTo(new ComplianceRow("EMAIL", YearMonth.of(2025, 1), 2, 2, 2, 1, Duration.ofHours(4),
				Duration.ofHours(26), 1.0 / 3));
	}

	@Test
	void theResolutionRateCountsOnlyFirstResponseClocks() {
		Instant due = Instant.parse("2025-01-08T17:00:00Z");
		ClockOutcome promised = new ClockOutcome("PROMISED_RESPONSE", ClockState.MET, MONDAY_MORNING, due,
				MONDAY_MORNING.plusSeconds(60), false, false);
		ComplianceRow row = ComplianceReport
			.of(List.of(promised), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), List.of(), CALENDAR)
			.get(0);
		assertThat(row.met()).isEqualTo(1);
		assertThat(row.firstContactResolutionRate()).isNull();
	}

	@Test
	void csvHasAHeaderRowAndEmptyCellsForAbsentValues() {
		String csv = ComplianceCsv.of(List.of(
				new ComplianceRow("EMAIL", YearMonth.of(2025, 1), 3, 1, 0, 0, Duration.ofMinutes(90),
						Duration.ofHours(9), 0.25),
				new ComplianceRow("A, B", YearMonth.of(2025, 2), 0, 0, 0, 0, null, null, null)));
		assertThat(csv.lines().toList()).containsExactly(ComplianceCsv.HEADER,
				"EMAIL,2025-01,3,1,0,0,PT1H30M,PT9H,0.25", "\"A, B\",2025-02,0,0,0,0,,,");
	}

	private static ClockOutcome outcome(String standard, ClockState state, Instant dueAt, Instant respondedAt,
			boolean resolvedAtFirstContact) {
		return new ClockOutcome(standard, state, MONDAY_MORNING, dueAt, respondedAt, true, resolvedAtFirstContact);
	}

}
