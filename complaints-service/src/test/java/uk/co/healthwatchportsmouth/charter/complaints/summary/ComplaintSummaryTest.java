package uk.co.healthwatchportsmouth.charter.complaints.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.complaints.complaint.Channel;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.Complaint;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintKind;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintService.Detailed;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.Deadline;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.DeadlineState;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.Outcome;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.SignpostDestination;
import uk.co.healthwatchportsmouth.charter.complaints.complaint.StoredComplaint;
import uk.co.healthwatchportsmouth.charter.complaints.summary.ComplaintSummary.Timeliness;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintSummaryTest {

	static final Instant RECEIVED = Instant.parse("2026-11-02T10:00:00Z");

	static final Instant ACK_DUE = Instant.parse("2026-11-09T17:00:00Z");

	static final Instant RESPONSE_DUE = Instant.parse("2026-12-07T17:00:00Z");

	static final LocalDate NOVEMBER_1 = LocalDate.parse("2026-11-01");

	static final LocalDate NOVEMBER_30 = LocalDate.parse("2026-11-30");

	static Complaint received(String id, ComplaintKind kind) {
		return Complaint
			.receive(new Complaint.Intake(id, kind, Channel.EMAIL, RECEIVED, "jo", null, null, null, null, null),
					RECEIVED)
			.complaint();
	}

	static Detailed with(Complaint complaint, Deadline... deadlines) {
		return new Detailed(new StoredComplaint(complaint, 1), List.of(deadlines));
	}

	static Deadline acknowledgement(DeadlineState state) {
		return new Deadline("COMPLAINT_ACKNOWLEDGEMENT", null, ACK_DUE, state);
	}

	@Test
	void countsKindsStatesOutcomesApologiesAndTimeliness() {
		Complaint onTime = received("on-time", ComplaintKind.ABOUT_US);
		onTime.acknowledge(Instant.parse("2026-11-03T10:00:00Z"), 20, Instant.parse("2026-11-03T10:00:00Z"));
		onTime.agreeExtension(LocalDate.parse("2026-12-18"), null, null, Instant.parse("2026-11-20T10:00:00Z"));
		onTime.respond(Outcome.PARTLY_UPHELD, true, null, Instant.parse("2026-12-15T10:00:00Z"),
				Instant.parse("2026-12-15T10:00:00Z"));
		onTime.escalate(List
			.of(new uk.co.healthwatchportsmouth.charter.complaints.complaint.EscalationStage("BOARD", "Board", 20)),
				null, Instant.parse("2026-12-16T10:00:00Z"));

		Complaint late = received("late", ComplaintKind.ABOUT_US);
		late.acknowledge(Instant.parse("2026-11-12T10:00:00Z"), 20, Instant.parse("2026-11-12T10:00:00Z"));
		late.respond(Outcome.NOT_UPHELD, false, null, Instant.parse("2026-12-10T10:00:00Z"),
				Instant.parse("2026-12-10T10:00:00Z"));
		late.close(Instant.parse("2026-12-11T10:00:00Z"));

		Complaint pending = received("pending", ComplaintKind.ABOUT_US);

		Complaint signposted = received("signposted", ComplaintKind.ABOUT_PROVIDER);
		signposted.signpost(SignpostDestination.PALS, null, true, Instant.parse("2026-11-04T10:00:00Z"),
				Instant.parse("2026-11-04T10:00:00Z"));

		Complaint withdrawn = received("withdrawn", ComplaintKind.ABOUT_US);
		withdrawn.withdraw(Instant.parse("2026-11-03T10:00:00Z"));

		ComplaintSummary summary = ComplaintSummary.of(NOVEMBER_1, NOVEMBER_30, List.of(
				// the extension moved the response deadline to 18 December: answered on
				// time
				with(onTime, acknowledgement(DeadlineState.MET),
						new Deadline("COMPLAINT_RESPONSE", null, Instant.parse("2026-12-18T17:00:00Z"),
								DeadlineState.MET)),
				with(late, acknowledgement(DeadlineState.MET_AFTER_BREACH),
						new Deadline("COMPLAINT_RESPONSE", null, Instant.parse("2026-12-09T17:00:00Z"),
								DeadlineState.MET_AFTER_BREACH)),
				with(pending, acknowledgement(DeadlineState.RUNNING)),
				with(signposted, acknowledgement(DeadlineState.MET)), with(withdrawn)));

		assertThat(summary.total()).isEqualTo(5);
		assertThat(summary.byKind()).containsEntry("ABOUT_US", 4L).containsEntry("ABOUT_PROVIDER", 1L);
		assertThat(summary.byState()).containsEntry("ESCALATED", 1L)
			.containsEntry("CLOSED", 1L)
			.containsEntry("RECEIVED", 1L)
			.containsEntry("SIGNPOSTED", 1L)
			.containsEntry("WITHDRAWN", 1L)
			.containsEntry("RESPONDED", 0L);
		assertThat(summary.byOutcome()).containsEntry("PARTLY_UPHELD", 1L)
			.containsEntry("NOT_UPHELD", 1L)
			.containsEntry("UPHELD", 0L);
		assertThat(summary.apologyGiven()).containsEntry("yes", 1L).containsEntry("no", 1L);
		assertThat(summary.acknowledged()).isEqualTo(new Timeliness(2, 1, 1, 0));
		assertThat(summary.responded()).isEqualTo(new Timeliness(1, 1, 1, 0));
		assertThat(summary.extensionsAgreed()).isEqualTo(1);
		assertThat(summary.escalationsByStage()).containsExactlyEntriesOf(java.util.Map.of("BOARD", 1L));
		assertThat(summary.signpostedByDestination()).containsEntry("PALS", 1L).containsEntry("OTHER", 0L);
	}

	@Test
	void aStepDoneBeforeSlaServiceReportedItsDeadlineIsCountedApart() {
		Complaint complaint = received("unknown", ComplaintKind.ABOUT_US);
		complaint.acknowledge(null, 20, Instant.parse("2026-11-03T10:00:00Z"));

		ComplaintSummary summary = ComplaintSummary.of(NOVEMBER_1, NOVEMBER_30, List.of(with(complaint)));

		assertThat(summary.acknowledged()).isEqualTo(new Timeliness(0, 0, 0, 1));
		assertThat(summary.responded()).isEqualTo(new Timeliness(0, 0, 1, 0));
	}

	@Test
	void csvHasOneCountPerRow() {
		Complaint complaint = received("one", ComplaintKind.ABOUT_PROVIDER);

		String csv = ComplaintSummary.of(NOVEMBER_1, NOVEMBER_30, List.of(with(complaint))).toCsv();

		assertThat(csv).startsWith("measure,key,count\r\ntotal,,1\r\nkind,ABOUT_US,0\r\nkind,ABOUT_PROVIDER,1\r\n");
		assertThat(csv).contains("acknowledged,pending,1\r\n", "responded,pending,0\r\n", "extensionsAgreed,,0\r\n");
		assertThat(csv.split("\r\n")).allMatch((row) -> row.split(",", -1).length == 3);
	}

}
