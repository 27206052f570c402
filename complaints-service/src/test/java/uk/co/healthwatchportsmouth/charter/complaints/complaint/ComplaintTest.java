package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintAcknowledged;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintEscalated;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintExtensionAgreed;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintResponded;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintSignposted;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintState.ACKNOWLEDGED;
import static uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintState.CLOSED;
import static uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintState.ESCALATED;
import static uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintState.INVESTIGATING;
import static uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintState.RECEIVED;
import static uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintState.RESPONDED;
import static uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintState.SIGNPOSTED;
import static uk.co.healthwatchportsmouth.charter.complaints.complaint.ComplaintState.WITHDRAWN;

class ComplaintTest {

	static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	static final Instant RECEIVED_AT = Instant.parse("2026-11-23T09:30:00Z");

	static final List<EscalationStage> STAGES = List.of(new EscalationStage("BOARD", "Board", 20),
			new EscalationStage("COMMISSIONING_COUNCIL", "Council", 15));

	static final Complainant ALEX = new Complainant("Alex Example", "alex@example.org", "+44 23 9200 0000",
			"1 High Street", CustomerType.PATIENT, true, "Polish", "Needs calls after 4pm");

	static Complaint received(ComplaintKind kind) {
		return Complaint
			.receive(new Complaint.Intake("c-1", kind, Channel.EMAIL, RECEIVED_AT, "jo", null, null, null, ALEX,
					"Nobody called me back"), NOW)
			.complaint();
	}

	/** A complaint about us taken to the state (provider complaints for SIGNPOSTED). */
	static Complaint in(ComplaintState state) {
		Complaint complaint = received((state == SIGNPOSTED) ? ComplaintKind.ABOUT_PROVIDER : ComplaintKind.ABOUT_US);
		switch (state) {
			case RECEIVED -> {
			}
			case ACKNOWLEDGED -> complaint.acknowledge(null, 20, NOW);
			case INVESTIGATING -> {
				complaint.acknowledge(null, 20, NOW);
				complaint.startInvestigation(null, NOW);
			}
			case RESPONDED -> {
				complaint.acknowledge(null, 20, NOW);
				complaint.respond(Outcome.UPHELD, true, null, null, NOW);
			}
			case ESCALATED -> {
				complaint.acknowledge(null, 20, NOW);
				complaint.respond(Outcome.UPHELD, true, null, null, NOW);
				complaint.escalate(STAGES, null, NOW);
			}
			case CLOSED -> {
				complaint.acknowledge(null, 20, NOW);
				complaint.respond(Outcome.UPHELD, true, null, null, NOW);
				complaint.close(NOW);
			}
			case SIGNPOSTED -> complaint.signpost(SignpostDestination.PALS, null, true, null, NOW);
			case WITHDRAWN -> complaint.withdraw(NOW);
		}
		assertThat(complaint.state()).isEqualTo(state);
		return complaint;
	}

	static final Set<ComplaintState> OPEN = EnumSet.of(RECEIVED, ACKNOWLEDGED, INVESTIGATING, RESPONDED, ESCALATED);

	/** Every step and the states that allow it; every other state refuses it. */
	static final Map<String, Set<ComplaintState>> ALLOWED = Map.ofEntries(
			Map.entry("acknowledge", EnumSet.of(RECEIVED)), Map.entry("investigate", EnumSet.of(ACKNOWLEDGED)),
			Map.entry("extend", EnumSet.of(ACKNOWLEDGED, INVESTIGATING, ESCALATED)),
			Map.entry("respond", EnumSet.of(ACKNOWLEDGED, INVESTIGATING)),
			Map.entry("lessons", EnumSet.of(RESPONDED, ESCALATED, CLOSED)),
			Map.entry("escalate", EnumSet.of(RESPONDED, CLOSED)),
			Map.entry("respond to escalation", EnumSet.of(ESCALATED)), Map.entry("close", EnumSet.of(RESPONDED)),
			Map.entry("withdraw", OPEN), Map.entry("reassign", OPEN), Map.entry("classify", EnumSet.of(RECEIVED)));

	static final Map<String, Function<Complaint, List<CharterEvent>>> STEPS = Map.ofEntries(
			Map.entry("acknowledge", (c) -> c.acknowledge(null, 20, NOW)),
			Map.entry("investigate", (c) -> c.startInvestigation(null, NOW)),
			Map.entry("extend", (c) -> c.agreeExtension(LocalDate.parse("2027-02-01"), null, null, NOW)),
			Map.entry("respond", (c) -> c.respond(Outcome.NOT_UPHELD, false, null, null, NOW)),
			Map.entry("lessons", (c) -> c.recordLessons("Call-back log", "Check the log daily")),
			Map.entry("escalate", (c) -> c.escalate(STAGES, null, NOW)),
			Map.entry("respond to escalation", (c) -> c.respondToEscalation(Outcome.UPHELD, null, NOW)),
			Map.entry("close", (c) -> c.close(NOW)), Map.entry("withdraw", (c) -> c.withdraw(NOW)),
			Map.entry("reassign", (c) -> c.reassign("sam.k", NOW)),
			Map.entry("classify", (c) -> c.classify(ComplaintKind.ABOUT_PROVIDER)));

	static Stream<Arguments> everyStepInEveryState() {
		List<Arguments> cases = new ArrayList<>();
		for (ComplaintState state : ComplaintState.values()) {
			for (String step : STEPS.keySet()) {
				cases.add(Arguments.of(state, step, ALLOWED.get(step).contains(state)));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}: {1} allowed={2}")
	@MethodSource("everyStepInEveryState")
	void eachStateAllowsOnlyItsSteps(ComplaintState state, String step, boolean allowed) {
		Complaint complaint = in(state);
		if (allowed) {
			STEPS.get(step).apply(complaint);
		}
		else {
			assertThatExceptionOfType(ComplaintTransitionRefusedException.class)
				.isThrownBy(() -> STEPS.get(step).apply(complaint))
				.satisfies((refused) -> assertThat(refused.state()).isEqualTo(state));
			assertThat(complaint.state()).as("unchanged").isEqualTo(state);
		}
	}

	@Test
	void aComplaintAboutAProviderIsSignpostedNotAcknowledged() {
		Complaint complaint = received(ComplaintKind.ABOUT_PROVIDER);
		assertThatExceptionOfType(ComplaintTransitionRefusedException.class)
			.isThrownBy(() -> complaint.acknowledge(null, 20, NOW));

		List<CharterEvent> events = complaint.signpost(SignpostDestination.NHS_COMPLAINTS_ADVOCACY, "Advocacy service",
				false, null, NOW);

		assertThat(complaint.state()).isEqualTo(SIGNPOSTED);
		assertThat(complaint.state().isClosed()).isTrue();
		assertThat(complaint.closedAt()).isEqualTo(NOW);
		assertThat(events).containsExactly(new ComplaintSignposted(EventIds.of("c-1", "signposted"), NOW, "c-1", "jo",
				NOW, "NHS_COMPLAINTS_ADVOCACY", false));
	}

	@Test
	void aComplaintAboutUsCannotBeSignposted() {
		assertThatExceptionOfType(ComplaintTransitionRefusedException.class).isThrownBy(
				() -> received(ComplaintKind.ABOUT_US).signpost(SignpostDestination.PALS, null, true, null, NOW));
	}

	@Test
	void receivingPublishesOnlyFactsAndANeedsSummary() {
		Complaint.Received received = Complaint.receive(new Complaint.Intake("c-1", ComplaintKind.ABOUT_US,
				Channel.LETTER, RECEIVED_AT, "jo", "contact-9", null, null, ALEX, "Nobody called me back"), NOW);

		assertThat(received.event()).isEqualTo(
				new ComplaintReceived(EventIds.of("c-1", "received"), NOW, "c-1", "ABOUT_US", "LETTER", RECEIVED_AT,
						"jo", "contact-9", null, "PATIENT", "large print; interpreter: Polish; other needs recorded"));
	}

	@Test
	void aComplaintCannotBeReceivedInTheFuture() {
		assertThatExceptionOfType(InvalidComplaintException.class)
			.isThrownBy(() -> Complaint.receive(new Complaint.Intake("c-1", ComplaintKind.ABOUT_US, Channel.EMAIL,
					NOW.plusSeconds(60), "jo", null, null, null, ALEX, "x"), NOW))
			.satisfies((invalid) -> assertThat(invalid.field()).isEqualTo("receivedAt"));
	}

	@Test
	void acknowledgementCarriesTheProceduresResponseTimescale() {
		Complaint complaint = received(ComplaintKind.ABOUT_US);
		Instant at = NOW.minusSeconds(600);

		assertThat(complaint.acknowledge(at, 25, NOW))
			.containsExactly(new ComplaintAcknowledged(EventIds.of("c-1", "acknowledged"), NOW, "c-1", "jo", at, 25));
		assertThat(complaint.acknowledgedAt()).isEqualTo(at);
	}

	@Test
	void anExtensionMustBeAfterTodayAndAfterTheCurrentDueDate() {
		Complaint complaint = in(ACKNOWLEDGED);
		LocalDate today = LocalDate.parse("2026-11-24");

		assertThatExceptionOfType(InvalidComplaintException.class)
			.isThrownBy(() -> complaint.agreeExtension(today, null, null, NOW))
			.satisfies((invalid) -> assertThat(invalid.field()).isEqualTo("newResponseDate"));
		assertThatExceptionOfType(InvalidComplaintException.class).isThrownBy(() -> complaint
			.agreeExtension(LocalDate.parse("2026-12-20"), null, LocalDate.parse("2026-12-22"), NOW));

		assertThat(complaint.agreeExtension(LocalDate.parse("2027-01-08"), "Awaiting records",
				LocalDate.parse("2026-12-22"), NOW))
			.containsExactly(new ComplaintExtensionAgreed(EventIds.of("c-1", "extension-agreed", "1"), NOW, "c-1", "jo",
					NOW, LocalDate.parse("2027-01-08"), null));
		// the agreed date is now the one to beat, even before sla-service reports it
		assertThatExceptionOfType(InvalidComplaintException.class)
			.isThrownBy(() -> complaint.agreeExtension(LocalDate.parse("2027-01-05"), null, null, NOW));
	}

	@Test
	void anExtensionWhileEscalatedIsForTheCurrentStage() {
		Complaint complaint = in(ESCALATED);

		List<CharterEvent> events = complaint.agreeExtension(LocalDate.parse("2027-02-01"), null, null, NOW);

		assertThat(((ComplaintExtensionAgreed) events.get(0)).stage()).isEqualTo("BOARD");
		assertThat(complaint.state()).isEqualTo(ESCALATED);
	}

	@Test
	void aResponseRecordsOutcomeAndApology() {
		Complaint complaint = in(INVESTIGATING);

		assertThat(complaint.respond(Outcome.PARTLY_UPHELD, true, null, NOW, NOW))
			.containsExactly(new ComplaintResponded(EventIds.of("c-1", "responded"), NOW, "c-1", "jo", NOW,
					"PARTLY_UPHELD", true, NOW));
		assertThat(complaint.apologyGivenAt()).isEqualTo(NOW);
	}

	@Test
	void escalationGoesStageByStageUntilNoneIsLeft() {
		Complaint complaint = in(RESPONDED);

		assertThat(complaint.escalate(STAGES, "Not satisfied", NOW)).containsExactly(new ComplaintEscalated(
				EventIds.of("c-1", "escalated", "BOARD"), NOW, "c-1", "jo", NOW, "BOARD", 1, 20));
		complaint.respondToEscalation(Outcome.NOT_UPHELD, null, NOW);
		complaint.close(NOW);
		assertThat(((ComplaintEscalated) complaint.escalate(STAGES, null, NOW).get(0)).stageNumber()).isEqualTo(2);
		complaint.respondToEscalation(Outcome.NOT_UPHELD, null, NOW);

		assertThatExceptionOfType(ComplaintTransitionRefusedException.class)
			.isThrownBy(() -> complaint.escalate(STAGES, null, NOW))
			.withMessageContaining("no escalation stage is left");
		assertThat(complaint.escalations()).extracting(Escalation::stage)
			.containsExactly("BOARD", "COMMISSIONING_COUNCIL");
	}

	@Test
	void closingAgainAfterAnEscalationIsANewFact() {
		Complaint complaint = in(RESPONDED);
		String firstClosure = complaint.close(NOW).get(0).eventId();
		complaint.escalate(STAGES, null, NOW);
		complaint.respondToEscalation(Outcome.UPHELD, null, NOW);

		assertThat(complaint.close(NOW).get(0).eventId()).isNotEqualTo(firstClosure);
	}

}
