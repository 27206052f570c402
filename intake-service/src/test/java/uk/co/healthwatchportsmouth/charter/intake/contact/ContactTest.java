package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactTest {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private static final Customer ALEX = new Customer("Alex Example", "alex@example.org", null);

	@Test
	void receivingAContactAnnouncesItWithIdsAndFactsOnly() {
		Instant receivedAt = NOW.minus(Duration.ofHours(2));

		Contact.Received received = Contact.receive("c1", Channel.EMAIL, receivedAt, "GP registration", ALEX, "jo",
				NOW);

		assertThat(received.contact().status()).isEqualTo(ContactStatus.OPEN);
		assertThat(received.contact().receivedAt()).isEqualTo(receivedAt);
		assertThat(received.event())
			.isEqualTo(new ContactReceived(EventIds.of("c1", "received"), NOW, "c1", "EMAIL", receivedAt, "jo"));
	}

	@Test
	void aContactWithoutAReceiptTimeWasReceivedNow() {
		Contact contact = Contact.receive("c1", Channel.LETTER, null, "Care home visit", ALEX, "jo", NOW).contact();

		assertThat(contact.receivedAt()).isEqualTo(NOW);
	}

	@Test
	void instantsAreKeptToTheMillisecondTheyAreStoredWith() {
		Instant precise = Instant.parse("2026-11-24T11:59:59.123456789Z");

		Contact.Received received = Contact.receive("c1", Channel.PHONE, precise, "Subject", ALEX, "jo",
				NOW.plusNanos(987_654));

		assertThat(received.contact().receivedAt()).isEqualTo(Instant.parse("2026-11-24T11:59:59.123Z"));
		assertThat(received.event().occurredAt()).isEqualTo(NOW);
	}

	@Test
	void aContactCannotHaveReachedUsInTheFuture() {
		assertThatThrownBy(() -> Contact.receive("c1", Channel.PHONE, NOW.plusMillis(1), "Subject", ALEX, "jo", NOW))
			.isInstanceOfSatisfying(InvalidContactException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("receivedAt"));
	}

	@Test
	void anEmailContactNeedsAnAddressToAnswer() {
		Customer noEmail = new Customer("Sam Example", "  ", "023 9200 0000");

		assertThatThrownBy(() -> Contact.receive("c1", Channel.EMAIL, null, "Subject", noEmail, "jo", NOW))
			.isInstanceOfSatisfying(InvalidContactException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("customer.email"));
		assertThat(Contact.receive("c1", Channel.ANSWERPHONE, null, "Subject", noEmail, "jo", NOW).contact())
			.extracting((contact) -> contact.customer().email())
			.isNull();
	}

	@Test
	void respondingRecordsWhenAndByWhomAndAnnouncesIt() {
		Contact contact = receivedAnHourAgo();
		Instant respondedAt = NOW.minus(Duration.ofMinutes(5));

		ContactResponded event = contact.respond(respondedAt, "sam.k", NOW);

		assertThat(contact.status()).isEqualTo(ContactStatus.RESPONDED);
		assertThat(contact.respondedAt()).isEqualTo(respondedAt);
		assertThat(contact.respondedBy()).isEqualTo("sam.k");
		assertThat(event)
			.isEqualTo(new ContactResponded(EventIds.of("c1", "responded"), NOW, "c1", respondedAt, "sam.k"));
	}

	@Test
	void aResponseWithoutATimeWasMadeNow() {
		Contact contact = receivedAnHourAgo();

		contact.respond(null, null, NOW);

		assertThat(contact.respondedAt()).isEqualTo(NOW);
		assertThat(contact.respondedBy()).isNull();
	}

	@Test
	void aResponseCanComeTheMomentTheContactArrivesButNotBefore() {
		Contact contact = receivedAnHourAgo();

		assertThatThrownBy(() -> contact.respond(contact.receivedAt().minusMillis(1), "jo", NOW))
			.isInstanceOfSatisfying(InvalidContactException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("respondedAt"));
		assertThat(contact.status()).isEqualTo(ContactStatus.OPEN);
		assertThat(contact.respond(contact.receivedAt(), "jo", NOW).respondedAt()).isEqualTo(contact.receivedAt());
	}

	@Test
	void aResponseCannotBeInTheFuture() {
		Contact contact = receivedAnHourAgo();

		assertThatThrownBy(() -> contact.respond(NOW.plusMillis(1), "jo", NOW)).isInstanceOfSatisfying(
				InvalidContactException.class, (ex) -> assertThat(ex.field()).isEqualTo("respondedAt"));
	}

	@Test
	void onlyTheFirstResponseCounts() {
		Contact contact = receivedAnHourAgo();
		Instant first = NOW.minus(Duration.ofMinutes(30));
		contact.respond(first, "jo", NOW);

		assertThatThrownBy(() -> contact.respond(NOW, "sam.k", NOW))
			.isInstanceOf(ContactAlreadyRespondedException.class);
		assertThat(contact.respondedAt()).isEqualTo(first);
		assertThat(contact.respondedBy()).isEqualTo("jo");
	}

	private static Contact receivedAnHourAgo() {
		return Contact.receive("c1", Channel.EMAIL, NOW.minus(Duration.ofHours(1)), "GP registration", ALEX, "jo", NOW)
			.contact();
	}

}
