package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockPaused;
import uk.co.healthwatchportsmouth.charter.contracts.ClockResumed;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.EventIds;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.testing.EventPublisher;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff search contacts by deadline and breach: intake follows sla-service's clock events
 * on charter.sla-events (published here by a plain producer, as sla-service would) and
 * keeps each contact's earliest open deadline and whether it is breached.
 */
abstract class SlaProjectionScenarios extends IntakeScenario {

	private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(20);

	private EventPublisher slaEvents;

	/** Each test logs its contacts for its own assignee, so searches see only them. */
	private String assignee;

	@BeforeEach
	void connect() {
		this.slaEvents = new EventPublisher(kafkaBrokers(), Topics.SLA, "/sla-service");
		this.assignee = "sla-" + System.nanoTime();
	}

	@AfterEach
	void disconnect() {
		this.slaEvents.close();
	}

	@Test
	void dueBeforeFindsContactsWhoseEarliestOpenDeadlineIsEarlier() {
		Instant now = this.clock.instant();
		String soon = logOwnContact();
		String later = logOwnContact();
		this.slaEvents.publish(started(soon, "first", now.plus(Duration.ofDays(1))));
		this.slaEvents.publish(started(later, "first", now.plus(Duration.ofDays(3))));
		awaitContact(later, (view) -> view.get("dueAt").isString());

		Instant inTwoDays = now.plus(Duration.ofDays(2));
		assertThat(ids("dueBefore=" + inTwoDays)).containsExactly(soon);
		assertThat(contact(soon).get("dueAt").asString()).isEqualTo(now.plus(Duration.ofDays(1)).toString());
		assertThat(contact(soon).get("breached").asBoolean()).isFalse();

		this.slaEvents.publish(new DeadlineChanged(EventIds.of(later, "moved"), now, clockId(later, "first"), later,
				"EMAIL", this.assignee, now.plus(Duration.ofDays(3)), now.plus(Duration.ofHours(6)),
				"Office closure added"));
		awaitContact(later, (view) -> now.plus(Duration.ofHours(6)).toString().equals(view.get("dueAt").asString()));
		assertThat(ids("dueBefore=" + inTwoDays)).containsExactlyInAnyOrder(soon, later);
		assertThat(ids("dueBefore=" + now.plus(Duration.ofHours(12)))).containsExactly(later);
	}

	@Test
	void theEarliestOpenClockSetsTheDeadlineAndAMetClockNoLongerCounts() {
		Instant now = this.clock.instant();
		String id = logOwnContact();
		this.slaEvents.publish(started(id, "first", now.plus(Duration.ofDays(2))));
		this.slaEvents.publish(started(id, "promised", now.plus(Duration.ofDays(1))));
		awaitContact(id, (view) -> now.plus(Duration.ofDays(1)).toString().equals(view.get("dueAt").asString()));

		this.slaEvents.publish(met(id, "promised", now.plus(Duration.ofDays(1))));
		awaitContact(id, (view) -> now.plus(Duration.ofDays(2)).toString().equals(view.get("dueAt").asString()));
		assertThat(ids("dueBefore=" + now.plus(Duration.ofHours(36)))).isEmpty();
	}

	@Test
	void breachedFollowsABreachAndIsClearedWhenTheClockIsMet() {
		Instant now = this.clock.instant();
		String breached = logOwnContact();
		String onTime = logOwnContact();
		String noClockYet = logOwnContact();
		Instant due = now.minus(Duration.ofMinutes(5));
		this.slaEvents.publish(started(breached, "first", due));
		this.slaEvents.publish(started(onTime, "first", now.plus(Duration.ofDays(2))));
		this.slaEvents.publish(breach(breached, "first", due));
		awaitContact(breached, (view) -> view.get("breached").asBoolean());
		awaitContact(onTime, (view) -> view.get("dueAt").isString());

		assertThat(ids("breached=true")).containsExactly(breached);
		assertThat(ids("breached=false")).containsExactlyInAnyOrder(onTime, noClockYet);
		assertThat(ids("breached=true&status=OPEN&dueBefore=" + now)).containsExactly(breached);

		this.slaEvents.publish(met(breached, "first", due));
		awaitContact(breached, (view) -> !view.get("breached").asBoolean());
		assertThat(contact(breached).get("dueAt").isNull()).isTrue();
		assertThat(ids("breached=true")).isEmpty();
		assertThat(ids("breached=false")).containsExactlyInAnyOrder(breached, onTime, noClockYet);
	}

	@Test
	void aPausedClockLeavesTheDueBeforeResultsUntilItResumesWithItsMovedDeadline() {
		Instant now = this.clock.instant();
		String id = logOwnContact();
		Instant due = now.plus(Duration.ofDays(1));
		Instant inTwoDays = now.plus(Duration.ofDays(2));
		this.slaEvents.publish(started(id, "first", due));
		awaitContact(id, (view) -> due.toString().equals(view.get("dueAt").asString()));
		assertThat(ids("dueBefore=" + inTwoDays)).containsExactly(id);

		this.slaEvents.publish(new ClockPaused(EventIds.of(id, "first", "paused"), now, clockId(id, "first"), id,
				"EMAIL", this.assignee, due, now));
		awaitContact(id, (view) -> view.get("dueAt").isNull());
		assertThat(ids("dueBefore=" + inTwoDays)).isEmpty();

		Instant moved = now.plus(Duration.ofDays(3));
		this.slaEvents.publish(new ClockResumed(EventIds.of(id, "first", "resumed"), now, clockId(id, "first"), id,
				"EMAIL", this.assignee, now, now, due, moved));
		awaitContact(id, (view) -> moved.toString().equals(view.get("dueAt").asString()));
		assertThat(ids("dueBefore=" + inTwoDays)).isEmpty();
		assertThat(ids("dueBefore=" + now.plus(Duration.ofDays(4)))).containsExactly(id);
	}

	@Test
	void aCancelledClockIsNoLongerBreached() {
		Instant now = this.clock.instant();
		String id = logOwnContact();
		Instant due = now.minus(Duration.ofMinutes(5));
		this.slaEvents.publish(started(id, "first", due));
		this.slaEvents.publish(breach(id, "first", due));
		awaitContact(id, (view) -> view.get("breached").asBoolean());
		assertThat(ids("breached=true")).containsExactly(id);

		this.slaEvents.publish(new ClockCancelled(EventIds.of(id, "first", "cancelled"), now, clockId(id, "first"), id,
				"EMAIL", this.assignee, due, now, "SUPERSEDED_BY_NEW_PROMISE"));
		awaitContact(id, (view) -> !view.get("breached").asBoolean());
		assertThat(contact(id).get("dueAt").isNull()).isTrue();
		assertThat(ids("breached=true")).isEmpty();
		assertThat(ids("breached=false")).containsExactly(id);
	}

	@Test
	void redeliveredEventsChangeNothing() {
		Instant now = this.clock.instant();
		String id = logOwnContact();
		Instant due = now.minus(Duration.ofHours(1));
		ClockStarted started = started(id, "first", due);
		Breached breach = breach(id, "first", due);
		Met met = met(id, "first", due);
		this.slaEvents.publish(started);
		this.slaEvents.publish(started);
		this.slaEvents.publish(breach);
		this.slaEvents.publish(met);
		// an outbox that crashed before removing them sends them again
		this.slaEvents.publish(started);
		this.slaEvents.publish(breach);
		// after the duplicates on the same partition, so once it shows they were all
		// handled
		this.slaEvents.publish(started(id, "marker", now.plus(Duration.ofDays(5))));
		JsonNode view = awaitContact(id,
				(contact) -> now.plus(Duration.ofDays(5)).toString().equals(contact.get("dueAt").asString()));

		assertThat(view.get("breached").asBoolean()).isFalse();
		assertThat(ids("breached=true")).isEmpty();
		assertThat(ids("dueBefore=" + now)).isEmpty();
	}

	@Test
	void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextEventIsStillProjected() {
		Instant now = this.clock.instant();
		String id = logOwnContact();
		this.slaEvents.publishRaw(id, "sla.clock-started.v1", "{ not json");
		this.slaEvents.publish(started(id, "first", now.plus(Duration.ofDays(1))));

		awaitContact(id, (view) -> now.plus(Duration.ofDays(1)).toString().equals(view.get("dueAt").asString()));
		try (TopicReader deadLetters = new TopicReader(kafkaBrokers(),
				Topics.deadLetter(Topics.SLA, "intake-service"))) {
			TopicReader.Received dead = deadLetters.await((record) -> id.equals(record.key()), PROJECTED_WITHIN);
			assertThat(dead.type()).isEqualTo("sla.clock-started.v1");
			assertThat(dead.event()).isNull();
		}
	}

	@Test
	void theDueBeforeFilterMustBeAnInstant() {
		var response = get("/contacts?dueBefore=tomorrow");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("dueBefore");
		assertThat(get("/contacts?breached=perhaps").body()).contains("breached");
	}

	private String logOwnContact() {
		return logContact(contact((contact) -> contact.put("assigneeId", this.assignee)));
	}

	private ClockStarted started(String contactId, String clock, Instant dueAt) {
		Instant now = this.clock.instant();
		return new ClockStarted(EventIds.of(contactId, clock, "started"), now, clockId(contactId, clock), contactId,
				"EMAIL", this.assignee, now, dueAt, null);
	}

	private Breached breach(String contactId, String clock, Instant dueAt) {
		Instant now = this.clock.instant();
		return new Breached(EventIds.of(contactId, clock, "breached"), now, clockId(contactId, clock), contactId,
				"EMAIL", this.assignee, dueAt, dueAt, now);
	}

	private Met met(String contactId, String clock, Instant dueAt) {
		Instant now = this.clock.instant();
		return new Met(EventIds.of(contactId, clock, "met"), now, clockId(contactId, clock), contactId, "EMAIL",
				this.assignee, dueAt, now);
	}

	private static String clockId(String contactId, String clock) {
		return EventIds.of(contactId, clock);
	}

	/** Ids of this test's contacts matching the extra query parameters. */
	private List<String> ids(String filters) {
		var response = get("/contacts?size=100&assigneeId=" + this.assignee + "&" + filters);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("items").valueStream().map((item) -> item.get("id").asString()).toList();
	}

	private JsonNode contact(String id) {
		var response = get("/contacts/" + id);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	private JsonNode awaitContact(String id, Predicate<JsonNode> condition) {
		long deadline = System.nanoTime() + PROJECTED_WITHIN.toNanos();
		JsonNode view = contact(id);
		while (!condition.test(view)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(
						"Contact " + id + " not projected as expected within " + PROJECTED_WITHIN + ": " + view);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			view = contact(id);
		}
		return view;
	}

}
