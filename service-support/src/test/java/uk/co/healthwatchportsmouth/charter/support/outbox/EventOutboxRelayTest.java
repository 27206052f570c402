package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import uk.co.healthwatchportsmouth.charter.contracts.ContactReassigned;
import uk.co.healthwatchportsmouth.charter.contracts.EventCodec;
import uk.co.healthwatchportsmouth.charter.contracts.EventHeaders;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;
import uk.co.healthwatchportsmouth.charter.support.testing.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against the Mongo wire server, with the broker's acknowledgements played by a
 * recording sender that answers a little later, as a producer does (the sends themselves
 * are covered by the services' scenarios on a real broker).
 */
class EventOutboxRelayTest {

	private static final String COLLECTION = "contacts";

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	// events the broker acknowledges only after a while, holding up their lane
	private final Set<String> slow = ConcurrentHashMap.newKeySet();

	// the ids of the events sent while an earlier event of the same document was not yet
	// acknowledged
	private final List<String> sentBeforeTheOneBeforeWasAcknowledged = Collections.synchronizedList(new ArrayList<>());

	private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	private final List<Message<byte[]>> messages = Collections.synchronizedList(new ArrayList<>());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private MongoClient client;

	private MongoTemplate mongo;

	@BeforeEach
	void connect() {
		String database = "outbox-relay-" + UUID.randomUUID();
		this.client = MongoClients.create(EmbeddedInfrastructure.mongoUri(database));
		this.mongo = new MongoTemplate(this.client, database);
	}

	@AfterEach
	void disconnect() {
		this.client.close();
	}

	@Test
	void manyDocumentsQueuedAtOnceArePublishedEachInItsOwnOrderAndRemovedFromTheOutbox() {
		IntStream.range(0, 300).forEach((n) -> this.mongo.insert(withEvents("contact-" + n, 3), COLLECTION));

		try (EventOutbox outbox = outbox(2, 50)) {
			IntStream.range(0, 300).forEach((n) -> outbox.publishSoon(COLLECTION, "contact-" + n));

			await().atMost(Duration.ofSeconds(20)).until(() -> this.sent.size() == 900);
			await().atMost(Duration.ofSeconds(5)).until(() -> pendingDocuments() == 0);
		}
		assertThat(Set.copyOf(this.sent)).as("each event once").hasSize(900);
		IntStream.range(0, 300)
			.forEach((n) -> assertThat(
					this.sent.stream().filter((eventId) -> eventId.startsWith("contact-" + n + "/")).toList())
				.as("contact-%d's events in the order they were stored", n)
				.containsExactly("contact-" + n + "/0", "contact-" + n + "/1", "contact-" + n + "/2"));
		assertThat(this.sentBeforeTheOneBeforeWasAcknowledged).as("events sent ahead of their predecessor's ack")
			.isEmpty();
	}

	@Test
	void anEventTheBrokerRefusesStaysWithTheOnesAfterItWhileTheOtherDocumentsArePublished() {
		this.mongo.insert(withEvents("stuck", 3), COLLECTION);
		this.mongo.insert(withEvents("fine", 2), COLLECTION);
		this.refused.add("stuck/1");

		try (EventOutbox outbox = outbox(1, 10)) {
			boolean complete = outbox.publishAll(COLLECTION, List.of("stuck", "fine"));

			assertThat(complete).isFalse();
			assertThat(this.sent).containsExactlyInAnyOrder("stuck/0", "fine/0", "fine/1");
			assertThat(outboxOf("stuck")).as("kept for the retry, still in order")
				.containsExactly("stuck/1", "stuck/2");
			assertThat(outboxOf("fine")).isEmpty();

			this.refused.clear();
			assertThat(outbox.publish(COLLECTION, "stuck")).isTrue();
		}
		assertThat(this.sent).containsSubsequence("stuck/0", "stuck/1", "stuck/2");
		assertThat(outboxOf("stuck")).isEmpty();
	}

	@Test
	void aDocumentChangedWhileItsBatchIsOutIsPublishedAgainWithItsNewEvent() {
		this.mongo.insert(withEvents("changing", 1), COLLECTION);

		try (EventOutbox outbox = outbox(1, 10)) {
			outbox.publishSoon(COLLECTION, "changing");
			await().atMost(Duration.ofSeconds(10)).until(() -> this.sent.contains("changing/0"));
			this.mongo.getCollection(COLLECTION)
				.updateOne(new Document("_id", "changing"),
						new Document("$push", new Document(EventOutbox.FIELD, entry("changing", 1))));
			outbox.publishSoon(COLLECTION, "changing");

			await().atMost(Duration.ofSeconds(10)).until(() -> this.sent.contains("changing/1"));
			await().atMost(Duration.ofSeconds(5)).until(() -> outboxOf("changing").isEmpty());
		}
		assertThat(this.sent).containsExactly("changing/0", "changing/1");
	}

	@Test
	void aDocumentWhoseWholeOutboxItsWriterKnowsIsPublishedWithoutReadingIt() {
		Document stored = withEvents("known", 1);
		this.mongo.insert(stored, COLLECTION);
		PendingEvent event = pendingEvent(stored.getList(EventOutbox.FIELD, Document.class).get(0));
		// what the writer knows is what is sent: here the stored entry is gone before the
		// relay runs, and the event is sent all the same
		this.mongo.getCollection(COLLECTION)
			.updateOne(new Document("_id", "known"), new Document("$set", new Document(EventOutbox.FIELD, List.of())));

		try (EventOutbox outbox = outbox(1, 10)) {
			outbox.publishSoon(COLLECTION, "known", List.of(event));

			await().atMost(Duration.ofSeconds(10)).until(() -> this.sent.contains("known/0"));
			await().atMost(Duration.ofSeconds(5)).until(() -> pendingGauge() == 0);
		}
		assertThat(this.sent).containsExactly("known/0");
	}

	@Test
	void aKnownOutboxIsRemovedFromTheDocumentOnceSent() {
		Document stored = withEvents("known", 1);
		this.mongo.insert(stored, COLLECTION);

		try (EventOutbox outbox = outbox(1, 10)) {
			outbox.publishSoon(COLLECTION, "known",
					List.of(pendingEvent(stored.getList(EventOutbox.FIELD, Document.class).get(0))));

			await().atMost(Duration.ofSeconds(10)).until(() -> outboxOf("known").isEmpty());
		}
		assertThat(this.sent).containsExactly("known/0");
	}

	@Test
	void aDocumentQueuedAlreadyIsReadWhateverItsWriterKnows() {
		this.mongo.insert(withEvents("blocker", 1), COLLECTION);
		Document stored = withEvents("changing", 2);
		this.mongo.insert(stored, COLLECTION);
		this.slow.add("blocker/0");

		try (EventOutbox outbox = outbox(1, 10)) {
			outbox.publishSoon(COLLECTION, "blocker");
			await().atMost(Duration.ofSeconds(10)).until(() -> this.sent.contains("blocker/0"));
			// while the lane waits for the blocker's acknowledgement: queued for a read,
			// then a writer that knows only the latest event
			outbox.publishSoon(COLLECTION, "changing");
			outbox.publishSoon(COLLECTION, "changing",
					List.of(pendingEvent(stored.getList(EventOutbox.FIELD, Document.class).get(1))));

			await().atMost(Duration.ofSeconds(10)).until(() -> outboxOf("changing").isEmpty());
		}
		assertThat(this.sent).containsExactly("blocker/0", "changing/0", "changing/1");
	}

	@Test
	void thePendingGaugeCountsTheDocumentsWhoseEventsAreNotPublishedYet() {
		this.mongo.insert(withEvents("stuck", 2), COLLECTION);
		this.mongo.insert(withEvents("fine", 1), COLLECTION);
		this.mongo.insert(withEvents("also-fine", 3), COLLECTION);
		this.refused.add("stuck/0");

		try (EventOutbox outbox = outbox(2, 10)) {
			assertThat(pendingGauge()).as("nothing queued yet").isZero();
			outbox.publishSoon(COLLECTION, "stuck");
			outbox.publishSoon(COLLECTION, "fine");
			outbox.publishSoon(COLLECTION, "also-fine");

			await().atMost(Duration.ofSeconds(10)).until(() -> this.sent.size() == 4);
			await().atMost(Duration.ofSeconds(5)).until(() -> pendingGauge() == 1);

			this.refused.clear();
			outbox.publishSoon(COLLECTION, "stuck");
			await().atMost(Duration.ofSeconds(10)).until(() -> pendingGauge() == 0);
		}
		assertThat(this.sent).contains("stuck/0", "stuck/1");
		assertThat(pendingDocuments()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void anEventIsSentAsTheMessageItsEventMakesWhetherOrNotItsEntryKeepsTheKey(boolean entryKeepsTheKey) {
		ContactReassigned event = new ContactReassigned("contact-1/0", NOW, "contact-1", "jo", "sam", "sam");
		PendingEvent pending = new PendingEvent(event.eventId(), event.type().wireName(), EventCodec.toJson(event),
				event.occurredAt(), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
				entryKeepsTheKey ? event.contactId() : null);
		Document entry = (Document) this.mongo.getConverter().convertToMongoType(pending);
		assertThat(entry.containsKey("key")).isEqualTo(entryKeepsTheKey);
		this.mongo.insert(new Document("_id", "contact-1").append(EventOutbox.FIELD, List.of(entry)), COLLECTION);

		try (EventOutbox outbox = outbox(1, 10)) {
			assertThat(outbox.publish(COLLECTION, "contact-1")).isTrue();
		}

		Message<byte[]> expected = EventMessages.toMessage(event, "/test", pending.traceParent());
		assertThat(this.messages).singleElement().satisfies((message) -> {
			assertThat(message.getPayload()).isEqualTo(expected.getPayload());
			expected.getHeaders()
				.forEach((name, value) -> assertThat(message.getHeaders()).as(name)
					.hasEntrySatisfying(name, (sentValue) -> {
						if (!MessageHeaders.ID.equals(name) && !MessageHeaders.TIMESTAMP.equals(name)) {
							assertThat(sentValue).isEqualTo(value);
						}
					}));
			assertThat(message.getHeaders()).hasSameSizeAs(expected.getHeaders());
		});
	}

	private static PendingEvent pendingEvent(Document entry) {
		return new PendingEvent(entry.getString("eventId"), entry.getString("type"), entry.getString("payload"), null,
				null, null);
	}

	private double pendingGauge() {
		return this.meters.get("charter.outbox.pending").gauge().value();
	}

	private EventOutbox outbox(int lanes, int batchSize) {
		Executor later = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);
		BiFunction<String, Message<byte[]>, CompletableFuture<?>> broker = (binding, message) -> {
			String eventId = EventMessages.header(message, EventHeaders.ID);
			int slash = eventId.lastIndexOf('/');
			int number = Integer.parseInt(eventId.substring(slash + 1));
			if (number > 0 && !this.acknowledged.contains(eventId.substring(0, slash + 1) + (number - 1))) {
				this.sentBeforeTheOneBeforeWasAcknowledged.add(eventId);
			}
			if (this.refused.contains(eventId)) {
				return CompletableFuture.supplyAsync(() -> {
					throw new IllegalStateException("refused " + eventId);
				}, later);
			}
			this.sent.add(eventId);
			this.messages.add(message);
			return CompletableFuture.runAsync(() -> this.acknowledged.add(eventId),
					this.slow.contains(eventId) ? CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS) : later);
		};
		EventOutbox outbox = new EventOutbox(this.mongo, broker,
				new OutboxProperties("/test", Duration.ofMinutes(5), lanes, batchSize),
				Map.of(Topics.CONTACTS, "contacts-out-0"), this.meters);
		outbox.watch(COLLECTION);
		return outbox;
	}

	private long pendingDocuments() {
		return this.mongo.getCollection(COLLECTION)
			.countDocuments(new Document(EventOutbox.FIELD + ".0", new Document("$exists", true)));
	}

	private List<String> outboxOf(String id) {
		Document document = this.mongo.findById(id, Document.class, COLLECTION);
		return document.getList(EventOutbox.FIELD, Document.class, List.of())
			.stream()
			.map((entry) -> entry.getString("eventId"))
			.toList();
	}

	private static Document withEvents(String id, int events) {
		return new Document("_id", id).append(EventOutbox.FIELD,
				IntStream.range(0, events).mapToObj((n) -> entry(id, n)).toList());
	}

	private static Document entry(String id, int n) {
		PendingEvent event = PendingEvent
			.of(new ContactReassigned(id + "/" + n, NOW.plusSeconds(n), id, "jo", "sam", "sam"));
		return new Document("eventId", event.eventId()).append("type", event.type()).append("payload", event.payload());
	}

}
