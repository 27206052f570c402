package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.co.healthwatchportsmouth.charter.contracts.ContactEscalatedToComplaint;
import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactLifecycleTest {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private static final Instant PROMISE = NOW.plus(Duration.ofDays(10));

	record Refused(String name, Consumer<Contact> before, Consumer<Contact> step) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Refused> refusedSteps() {
		Consumer<Contact> open = (contact) -> {
		};
		Consumer<Contact> responded = (contact) -> contact.respond(null, "jo", NOW);
		Consumer<Contact> resolved = responded.andThen((contact) -> contact.resolve(null, "jo", NOW));
		Consumer<Contact> escalated = (contact) -> contact.escalateToComplaint("jo", NOW);
		return Stream.of(new Refused("resolve an open contact", open, (c) -> c.resolve(null, "jo", NOW)),
				new Refused("information received while not awaiting it", open,
						(c) -> c.receiveInformation(null, "jo", NOW)),
				new Refused("feedback before resolution", responded, (c) -> c.recordFeedback(5, null, NOW)),
				new Refused("first-contact resolution after a response", responded,
						(c) -> c.resolveAtFirstContact(null, "jo", NOW)),
				new Refused("holding reply after a response", responded,
						(c) -> c.sendHoldingReply(null, "AWAITING_PROVIDER", PROMISE, "jo", NOW)),
				new Refused("reassign a resolved contact", resolved, (c) -> c.reassign("sam.k", "jo", NOW)),
				new Refused("escalate a resolved contact", resolved, (c) -> c.escalateToComplaint("jo", NOW)),
				new Refused("respond to an escalated contact", escalated, (c) -> c.respond(null, "jo", NOW)),
				new Refused("await information on an escalated contact", escalated,
						(c) -> c.requestInformation(null, "jo", NOW)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedSteps")
	void stepsTheStatusDoesNotAllowAreRefusedAndChangeNothing(Refused refused) {
		Contact contact = contact(CommunicationNeeds.NONE);
		refused.before().accept(contact);
		Contact.State before = contact.state();

		assertThatThrownBy(() -> refused.step().accept(contact)).isInstanceOf(InvalidTransitionException.class);
		assertThat(contact.state()).isEqualTo(before);
	}

	@Test
	void informationReceivedReturnsToWhereTheContactWas() {
		Contact contact = contact(CommunicationNeeds.NONE);
		contact.sendHoldingReply(null, "AWAITING_PROVIDER", PROMISE, "jo", NOW);
		contact.requestInformation(null, "jo", NOW);

		contact.receiveInformation(null, "jo", NOW);

		assertThat(contact.status()).isEqualTo(ContactStatus.HOLDING_REPLY_SENT);
	}

	@Test
	void aRepeatedStepGetsANewEventIdPerStoredVersion() {
		Contact contact = contact(CommunicationNeeds.NONE);
		String first = contact.requestInformation(null, "jo", NOW).eventId();
		contact.stored();
		contact.receiveInformation(null, "jo", NOW);
		contact.stored();

		String second = contact.requestInformation(null, "jo", NOW).eventId();

		assertThat(first).isEqualTo(EventIds.of("c1", "information-requested", "1")).isNotEqualTo(second);
	}

	@Test
	void theNeedsSummaryNamesTheNeedsButNeverTheNotes() {
		CommunicationNeeds needs = new CommunicationNeeds(null, 18, "Polish", false, true, true, false,
				"Lives with her son Peter");

		ContactReceived event = Contact.receive("c1", Channel.LETTER, null, "Subject", customer(needs), "jo", NOW)
			.event();

		assertThat(event.needsSummary()).isEqualTo("large print (18pt); interpreter: Polish; BSL; see access notes");
		assertThat(event.customerType()).isEqualTo("PATIENT");
		assertThat(CommunicationNeeds.NONE.summary()).isNull();
	}

	@Test
	void erasureKeepsTheFactsAndBlanksThePerson() {
		Contact contact = contact(new CommunicationNeeds(Channel.LETTER, 18, null, false, false, false, true, "Notes"));
		contact.resolveAtFirstContact(null, "jo", NOW);
		contact.recordFeedback(3, "Could be quicker", NOW);

		contact.erasePersonalData(NOW);

		assertThat(contact.subject()).isNull();
		assertThat(contact.customer()).isEqualTo(new Customer("cust-1", null, null, null, null, CustomerType.PATIENT,
				new CommunicationNeeds(Channel.LETTER, 18, null, false, false, false, true, null)));
		assertThat(contact.feedback()).isEqualTo(new Feedback(3, null, NOW));
		assertThat(List.of(contact.status(), contact.resolvedAtFirstContact())).containsExactly(ContactStatus.RESOLVED,
				true);
	}

	@Test
	void anEscalationCarriesTheCustomerIdNotTheCustomer() {
		ContactEscalatedToComplaint event = contact(CommunicationNeeds.NONE).escalateToComplaint("jo", NOW);

		assertThat(event.customerId()).isEqualTo("cust-1");
		assertThat(event.toString()).doesNotContain("Alex", "alex@example.org", "Subject");
	}

	private static Customer customer(CommunicationNeeds needs) {
		return new Customer("cust-1", "Alex Example", "alex@example.org", null, "1 Example Road", CustomerType.PATIENT,
				needs);
	}

	private static Contact contact(CommunicationNeeds needs) {
		return Contact
			.receive("c1", Channel.EMAIL, NOW.minus(Duration.ofHours(1)), "Subject", customer(needs), "jo", NOW)
			.contact();
	}

}
