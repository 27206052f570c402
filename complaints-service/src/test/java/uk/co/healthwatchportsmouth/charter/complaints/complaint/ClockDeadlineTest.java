package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.Met;

import static org.assertj.core.api.Assertions.assertThat;

class ClockDeadlineTest {

	static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	static final Instant DUE = Instant.parse("2026-12-01T17:00:00Z");

	static final Instant MOVED = Instant.parse("2026-12-15T17:00:00Z");

	static ClockStarted started(String clockId, String standard, Instant startedAt) {
		return new ClockStarted("started-" + clockId, NOW, clockId, "c-1", standard, "jo", startedAt, DUE, null);
	}

	@Test
	void followsOnlyComplaintClocks() {
		assertThat(ClockDeadline.follows(started("k", "COMPLAINT_RESPONSE", NOW))).isTrue();
		assertThat(ClockDeadline.follows(started("k", "EMAIL", NOW))).isFalse();
	}

	@Test
	void aRedeliveredEventChangesNothing() {
		ClockStarted start = started("k", "COMPLAINT_RESPONSE", NOW);
		ClockDeadline once = ClockDeadline.apply(null, start);

		assertThat(ClockDeadline.apply(once, start)).isSameAs(once);
		assertThat(once.state()).isEqualTo(DeadlineState.RUNNING);
		assertThat(once.dueAt()).isEqualTo(DUE);
	}

	@Test
	void aMovedDeadlineIsTheOneReportedAndABreachStaysUntilMetLate() {
		ClockDeadline clock = ClockDeadline.apply(null, started("k", "COMPLAINT_RESPONSE", NOW));
		clock = ClockDeadline.apply(clock,
				new Breached("breached", NOW, "k", "c-1", "COMPLAINT_RESPONSE", "jo", DUE, DUE, DUE));
		clock = ClockDeadline.apply(clock, new DeadlineChanged("changed", NOW, "k", "c-1", "COMPLAINT_RESPONSE", "jo",
				DUE, MOVED, "Extension agreed with the complainant: response now due 2026-12-15"));

		assertThat(clock.state()).isEqualTo(DeadlineState.BREACHED);
		assertThat(clock.dueAt()).isEqualTo(MOVED);

		clock = ClockDeadline.apply(clock,
				new Met("met", NOW, "k", "c-1", "COMPLAINT_RESPONSE", "jo", MOVED, MOVED.minusSeconds(60)));
		assertThat(clock.state()).isEqualTo(DeadlineState.MET_AFTER_BREACH);
		assertThat(clock.revision()).isEqualTo(4);
	}

	@Test
	void aCancelledClockStaysCancelled() {
		ClockDeadline clock = ClockDeadline.apply(null, started("k", "COMPLAINT_ACKNOWLEDGEMENT", NOW));
		clock = ClockDeadline.apply(clock, new ClockCancelled("cancelled", NOW, "k", "c-1", "COMPLAINT_ACKNOWLEDGEMENT",
				"jo", DUE, NOW, "COMPLAINT_WITHDRAWN"));
		clock = ClockDeadline.apply(clock,
				new Breached("breached", NOW, "k", "c-1", "COMPLAINT_ACKNOWLEDGEMENT", "jo", DUE, DUE, DUE));

		assertThat(clock.state()).isEqualTo(DeadlineState.CANCELLED);
	}

	@Test
	void escalationClocksAreJoinedToTheirStagesByStartTime() {
		Complaint complaint = ComplaintTest.in(ComplaintState.RESPONDED);
		Instant boardAt = NOW;
		complaint.escalate(ComplaintTest.STAGES, null, boardAt);
		complaint.respondToEscalation(Outcome.NOT_UPHELD, null, boardAt);
		Instant councilAt = NOW.plusSeconds(3600);
		complaint.escalate(ComplaintTest.STAGES, null, councilAt);

		List<Deadline> deadlines = Deadline.of(complaint,
				List.of(ClockDeadline.apply(null, started("z-council", "COMPLAINT_ESCALATION", councilAt)),
						ClockDeadline.apply(null, started("a-board", "COMPLAINT_ESCALATION", boardAt)),
						ClockDeadline.apply(null, started("r", "COMPLAINT_RESPONSE", boardAt.minusSeconds(60)))));

		assertThat(deadlines).extracting(Deadline::standard, Deadline::stage)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("COMPLAINT_RESPONSE", null),
					org.assertj.core.groups.Tuple.tuple("COMPLAINT_ESCALATION", "BOARD"),
					org.assertj.core.groups.Tuple.tuple("COMPLAINT_ESCALATION", "COMMISSIONING_COUNCIL"));
	}

}
