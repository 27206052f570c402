package uk.co.healthwatchportsmouth.charter.notification.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.co.healthwatchportsmouth.charter.notification.mail.DigestLine;

import static org.assertj.core.api.Assertions.assertThat;

class DigestPlanTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	// 08:30 on Tuesday 30 June 2026 in London is 07:30 UTC (BST)
	private static final Instant NOW = Instant.parse("2026-06-30T07:30:00Z");

	private static final LocalDate TODAY = LocalDate.parse("2026-06-30");

	@ParameterizedTest(name = "{0} due {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			jo  | 2026-06-29T16:00:00Z | overdue
			jo  | 2026-06-30T07:00:00Z | overdue
			jo  | 2026-06-30T16:00:00Z | due today
			jo  | 2026-06-30T22:59:00Z | due today
			jo  | 2026-06-30T23:00:00Z | left out
			jo  | 2026-07-02T16:00:00Z | left out
			sam | 2026-06-29T16:00:00Z | left out
			""")
	void listsWhatIsOverdueOrDueTodayInLondonForTheAssigneeOnly(String assigneeId, Instant dueAt, String expected) {
		List<DigestLine> lines = DigestPlan.linesFor("jo",
				List.of(new OpenClock("clock-1", "C-1", "EMAIL", assigneeId, dueAt)), NOW, TODAY, LONDON);

		switch (expected) {
			case "overdue" -> assertThat(lines).containsExactly(new DigestLine("C-1", "EMAIL", dueAt, true));
			case "due today" -> assertThat(lines).containsExactly(new DigestLine("C-1", "EMAIL", dueAt, false));
			default -> assertThat(lines).isEmpty();
		}
	}

	@ParameterizedTest(name = "paused clock due {0} is left out")
	@CsvSource({ "2026-06-29T16:00:00Z", "2026-06-30T16:00:00Z" })
	void aPausedClockIsNeitherDueNorOverdue(Instant dueAt) {
		List<DigestLine> lines = DigestPlan.linesFor("jo",
				List.of(new OpenClock("clock-1", "C-1", "EMAIL", "jo", dueAt, true),
						new OpenClock("clock-2", "C-2", "EMAIL", "jo", dueAt, false)),
				NOW, TODAY, LONDON);

		assertThat(lines).extracting(DigestLine::contactId).containsExactly("C-2");
	}

}
