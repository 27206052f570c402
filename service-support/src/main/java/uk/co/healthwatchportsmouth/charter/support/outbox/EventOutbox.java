package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;

import uk.co.healthwatchportsmouth.charter.contracts.EventType;
import uk.co.healthwatchportsmouth.charter.support.mongo.RawBson;
import uk.co.healthwatchportsmouth.charter.support.tracing.TraceParents;
import uk.co.healthwatchportsmouth.charter.support.tracing.TracingConfiguration;

/**
 * Publishes the {@link PendingEvent}s kept in a document's {@code outbox} field, in
 * order, and removes each one once Kafka has acknowledged it. Publishing is at least
 * once: a crash between the acknowledgement and the removal publishes the event again
 * after a restart, and consumers drop the copy by event id.
 *
 * <p>
 * Publishing runs in several lanes; each document is always published by the same lane,
 * so its events stay in order. A lane takes every document queued for it, up to a batch:
 * it reads their outboxes at once (all but those whose writer knew the whole outbox and
 * said so), sends the documents' events side by side without waiting between sends, so
 * that the Kafka producer batches them, then waits for the acknowledgements; a document's
 * next event is sent only once the one before it is acknowledged. It removes what was
 * sent in one update of all the documents. Documents are published soon after they are
 * saved. Any that could not be (Kafka down, service killed) are found again by a sweep at
 * start-up and, while failures are outstanding, every retry interval.
 */
public class EventOutbox implements ApplicationListener<ApplicationReadyEvent>, ApplicationContextAware, AutoCloseable {

	public static final String FIELD = "outbox";

	private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

	// the Kafka producer fails every send it could not deliver within its delivery
	// timeout (two minutes unless configured otherwise); this only guards against an
	// acknowledgement that never comes at all
	private static final Duration ACKNOWLEDGEMENT_WAIT = Duration.ofMinutes(5);

	private final MongoTemplate mongo;

	private final BiFunction<String, Message<byte[]>, CompletableFuture<?>> sender;

	private final OutboxProperties properties;

	private final Map<String, String> bindingByTopic;

	private final ScheduledExecutorService sweeper;

	private final List<Lane> lanes;

	private final Set<String> collections = ConcurrentHashMap.newKeySet();

	// the documents waiting in a lane, each with its whole outbox if its writer knew it
	// (see publishSoon with events: such a document is published without reading it);
	// one map, so that queueing a document and what is known of its outbox change
	// together
	private final Map<Key, Queued> queued = new ConcurrentHashMap<>();

	private final AtomicBoolean failuresOutstanding = new AtomicBoolean(true);

	private final Counter published;

	private final Counter failed;

	// the documents this relay knows still carry events: queued, being sent, or failed
	// (until a retry publishes them); the charter.outbox.pending gauge, kept here rather
	// than counted in MongoDB, where it would be a scan of the collection
	private final Set<Key> unpublished = ConcurrentHashMap.newKeySet();

	private ObjectProvider<TracingConfiguration.TraceParentsInstaller> tracing;

	/**
	 * @param bindingByTopic the Spring Cloud Stream output binding that writes to each
	 * topic
	 */
	public EventOutbox(MongoTemplate mongo, StreamBridge bridge, OutboxProperties properties,
			Map<String, String> bindingByTopic, MeterRegistry meters) {
		this(mongo, new OutputBindings(bridge), properties, bindingByTopic, meters);
	}

	/**
	 * @param sender sends a message to an output binding, answering with the broker's
	 * acknowledgement to come (a future that fails if the message is not published)
	 */
	EventOutbox(MongoTemplate mongo, BiFunction<String, Message<byte[]>, CompletableFuture<?>> sender,
			OutboxProperties properties, Map<String, String> bindingByTopic, MeterRegistry meters) {
		this.mongo = mongo;
		this.sender = sender;
		this.properties = properties;
		this.bindingByTopic = Map.copyOf(bindingByTopic);
		this.published = meters.counter("charter.outbox.published");
		this.failed = meters.counter("charter.outbox.publish.failures");
		Gauge.builder("charter.outbox.pending", this.unpublished, Set::size)
			.description("Documents whose events wait to be published: queued, being sent, or failed and waiting"
					+ " for a retry (those this instance has seen)")
			.register(meters);
		this.sweeper = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-sweeper").daemon().factory());
		this.lanes = IntStream.range(0, properties.lanes()).mapToObj(Lane::new).toList();
	}

	/** This context's tracer continues the trace of each event when it is published. */
	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.tracing = context.getBeanProvider(TracingConfiguration.TraceParentsInstaller.class);
		if (this.sender instanceof OutputBindings bindings) {
			bindings.channelsFrom(context);
		}
	}

	/**
	 * Sweeps begin once the application is ready: before that, the output bindings refuse
	 * to send.
	 */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		long interval = this.properties.retryInterval().toMillis();
		this.sweeper.scheduleWithFixedDelay(this::sweepIfNeeded, 0, interval, TimeUnit.MILLISECONDS);
	}

	/** Registers a collection whose documents carry an outbox, so sweeps look there. */
	public void watch(String collection) {
		this.collections.add(collection);
		this.failuresOutstanding.set(true);
	}

	/**
	 * Publishes a document's pending events shortly, in the document's lane. A document
	 * already waiting in its lane is not queued twice: its run reads the outbox as it is
	 * then.
	 */
	public void publishSoon(String collection, Object id) {
		queue(new Key(collection, id), null);
	}

	/**
	 * Publishes a document's pending events shortly, in the document's lane, without
	 * reading its outbox: for a writer that has just stored these events in a document
	 * whose outbox it had read empty (and that nobody changed in between, which its write
	 * was conditional on). If the document is waiting in its lane already, its run reads
	 * the outbox as usual.
	 * @param events every event the document's outbox holds, in order
	 */
	public void publishSoon(String collection, Object id, List<PendingEvent> events) {
		queue(new Key(collection, id), List.copyOf(events));
	}

	/**
	 * Queues the document in its lane unless it waits there already; a document queued
	 * again is read, as what a writer knows is no longer its whole outbox.
	 * @param knownOutbox the document's whole outbox, or null to read it
	 */
	private void queue(Key key, List<PendingEvent> knownOutbox) {
		this.unpublished.add(key);
		Queued waiting = new Queued(knownOutbox);
		if (this.queued.merge(key, waiting, (queuedBefore, again) -> Queued.TO_READ) == waiting) {
			laneOf(key).queue.add(key);
		}
	}

	private Lane laneOf(Key key) {
		return this.lanes.get(Math.floorMod(key.hashCode(), this.lanes.size()));
	}

	/**
	 * Publishes a document's pending events now, on the calling thread.
	 * @return whether every pending event was published
	 */
	public boolean publish(String collection, Object id) {
		return publishAll(collection, List.of(id));
	}

	/**
	 * Publishes the pending events of several documents of a collection: one read of
	 * their outboxes, each document's events sent in order while the documents are sent
	 * side by side (so that the producer batches them), then one write removing what was
	 * sent.
	 * @return whether every pending event was published
	 */
	boolean publishAll(String collection, List<Object> ids) {
		return publishAll(collection, ids, Map.of());
	}

	/**
	 * @param knownOutboxes the whole outbox of some of the documents, as their writer
	 * stored it: those are not read
	 */
	private boolean publishAll(String collection, List<Object> ids, Map<Object, List<PendingEvent>> knownOutboxes) {
		Map<Object, List<PendingEvent>> pendingById = new LinkedHashMap<>(knownOutboxes);
		List<Object> unknown = ids.stream().filter((id) -> !knownOutboxes.containsKey(id)).toList();
		if (!unknown.isEmpty()) {
			pendingById.putAll(readOutboxes(collection, unknown));
		}
		Map<Object, List<String>> sentById = sendInRounds(pendingById);
		boolean complete = true;
		Set<Object> waiting = new HashSet<>();
		List<Object> published = new ArrayList<>();
		List<String> sentEventIds = new ArrayList<>();
		pendingById.forEach((id, pending) -> {
			List<String> sent = sentById.get(id);
			if (sent.size() < pending.size()) {
				waiting.add(id);
			}
			if (!sent.isEmpty()) {
				published.add(id);
				sentEventIds.addAll(sent);
			}
		});
		if (!waiting.isEmpty()) {
			complete = false;
		}
		if (!published.isEmpty()) {
			// one update for the whole batch: event ids are unique, so each
			// document loses exactly the events sent from it
			this.mongo.getCollection(collection)
				.updateMany(RawBson.of(new Document("_id", new Document("$in", published))),
						RawBson.of(new Document("$pull",
								new Document(FIELD, new Document("eventId", new Document("$in", sentEventIds))))));
		}
		for (Object id : ids) {
			Key key = new Key(collection, id);
			// a document queued again meanwhile has new events: it stays counted
			if (!waiting.contains(id) && !this.queued.containsKey(key)) {
				this.unpublished.remove(key);
			}
		}
		if (!complete) {
			this.failuresOutstanding.set(true);
		}
		return complete;
	}

	/** The pending events of those of the documents that have any. */
	private Map<Object, List<PendingEvent>> readOutboxes(String collection, List<Object> ids) {
		Map<Object, List<PendingEvent>> pendingById = new LinkedHashMap<>();
		this.mongo.getCollection(collection)
			.find(RawBson.of(new Document("_id", new Document("$in", ids))))
			.projection(RawBson.of(new Document(FIELD, 1)))
			// all in the first reply rather than the default first batch of 101 and a
			// second round trip for the rest (a lane reads up to a whole batch of
			// documents)
			.batchSize(Math.max(1, ids.size()))
			.forEach((document) -> {
				List<Document> entries = document.getList(FIELD, Document.class, List.of());
				if (!entries.isEmpty()) {
					pendingById.put(document.get("_id"),
							entries.stream()
								.map((entry) -> new PendingEvent(entry.getString("eventId"), entry.getString("type"),
										entry.getString("payload"), occurredAt(entry), entry.getString("traceParent"),
										entry.getString("key")))
								.toList());
				}
			});
		return pendingById;
	}

	private static Instant occurredAt(Document entry) {
		Date occurredAt = entry.getDate("occurredAt");
		return (occurredAt != null) ? occurredAt.toInstant() : null;
	}

	/**
	 * Sends the first pending event of every document side by side, waits for the
	 * broker's acknowledgements, then the second event of each document whose first was
	 * acknowledged, and so on: a document's event is sent only once the one before it is
	 * acknowledged, so its events reach the topic in order and a refused one holds back
	 * those after it. Most documents carry a single event, so a batch is mostly one
	 * round.
	 * @return the ids of the events acknowledged, by document
	 */
	private Map<Object, List<String>> sendInRounds(Map<Object, List<PendingEvent>> pendingById) {
		Map<Object, List<String>> sentById = new LinkedHashMap<>();
		pendingById.keySet().forEach((id) -> sentById.put(id, new ArrayList<>()));
		List<Object> sending = new ArrayList<>(pendingById.keySet());
		for (int round = 0; !sending.isEmpty(); round++) {
			Map<Object, CompletableFuture<?>> acknowledgements = new LinkedHashMap<>();
			for (Object id : sending) {
				acknowledgements.put(id, send(pendingById.get(id).get(round)));
			}
			List<Object> next = new ArrayList<>();
			for (Map.Entry<Object, CompletableFuture<?>> sent : acknowledgements.entrySet()) {
				List<PendingEvent> pending = pendingById.get(sent.getKey());
				PendingEvent event = pending.get(round);
				if (acknowledged(event, sent.getValue())) {
					sentById.get(sent.getKey()).add(event.eventId());
					if (pending.size() > round + 1) {
						next.add(sent.getKey());
					}
				}
			}
			sending = next;
		}
		return sentById;
	}

	private boolean acknowledged(PendingEvent event, CompletableFuture<?> acknowledgement) {
		try {
			acknowledgement.get(ACKNOWLEDGEMENT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			this.published.increment();
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			this.failed.increment();
			log.warn("Could not publish event {} ({}); will retry: {}", event.eventId(), event.type(),
					cause.toString());
			return false;
		}
	}

	private CompletableFuture<?> send(PendingEvent pending) {
		if (pending.traceParent() == null || pending.traceParent().isBlank()) {
			return sendInTrace(pending);
		}
		TracingConfiguration.TraceParentsInstaller installer = (this.tracing != null) ? this.tracing.getIfAvailable()
				: null;
		TraceParents.Bridge bridge = (installer != null) ? installer.bridge() : TraceParents.Bridge.NONE;
		return bridge.within(pending.traceParent(), "outbox publish", () -> sendInTrace(pending));
	}

	private CompletableFuture<?> sendInTrace(PendingEvent pending) {
		try {
			String topic = EventType.fromWireName(pending.type()).orElseThrow().topic();
			String binding = this.bindingByTopic.get(topic);
			if (binding == null) {
				throw new IllegalStateException("No output binding for topic " + topic);
			}
			return this.sender.apply(binding, pending.toMessage(this.properties.source()));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private void sweepIfNeeded() {
		if (!this.failuresOutstanding.getAndSet(false)) {
			return;
		}
		for (String collection : this.collections) {
			try {
				Query withPending = Query.query(Criteria.where(FIELD + ".0").exists(true));
				withPending.fields().include("_id");
				List<Document> documents = this.mongo.find(withPending, Document.class, collection);
				if (!documents.isEmpty()) {
					log.info("Outbox sweep: {} document(s) in {} have unpublished events", documents.size(),
							collection);
				}
				for (Document document : documents) {
					publishSoon(collection, document.get("_id"));
				}
			}
			catch (RuntimeException ex) {
				this.failuresOutstanding.set(true);
				log.warn("Outbox sweep of {} failed; will retry: {}", collection, ex.getMessage());
			}
		}
	}

	@Override
	public void close() {
		this.sweeper.shutdown();
		this.lanes.forEach(Lane::stop);
		try {
			for (Lane lane : this.lanes) {
				lane.thread.join(TimeUnit.SECONDS.toMillis(5));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Key(String collection, Object id) {

	}

	/**
	 * A document waiting in its lane.
	 *
	 * @param knownOutbox its whole outbox as its writer knew it, or null to read it
	 */
	private record Queued(List<PendingEvent> knownOutbox) {

		static final Queued TO_READ = new Queued(null);

	}

	/**
	 * A relay thread and the documents queued for it; each run takes up to a batch of
	 * them.
	 */
	private final class Lane {

		private final BlockingQueue<Key> queue = new LinkedBlockingQueue<>();

		private final Thread thread;

		private volatile boolean stopped;

		Lane(int number) {
			this.thread = Thread.ofPlatform().name("outbox-relay-" + number).daemon().start(this::relay);
		}

		private void relay() {
			List<Key> batch = new ArrayList<>();
			while (!this.stopped) {
				try {
					batch.add(this.queue.take());
				}
				catch (InterruptedException ex) {
					return;
				}
				this.queue.drainTo(batch, EventOutbox.this.properties.batchSize() - 1);
				Map<String, List<Object>> idsByCollection = new LinkedHashMap<>();
				Map<String, Map<Object, List<PendingEvent>>> knownByCollection = new HashMap<>();
				for (Key key : batch) {
					// from here on a new change to the document queues it again
					Queued taken = EventOutbox.this.queued.remove(key);
					idsByCollection.computeIfAbsent(key.collection(), (c) -> new ArrayList<>()).add(key.id());
					if (taken != null && taken.knownOutbox() != null) {
						knownByCollection.computeIfAbsent(key.collection(), (c) -> new LinkedHashMap<>())
							.put(key.id(), taken.knownOutbox());
					}
				}
				idsByCollection.forEach((collection, ids) -> publishOrLeaveForTheSweep(collection, ids,
						knownByCollection.getOrDefault(collection, Map.of())));
				batch.clear();
			}
		}

		private void publishOrLeaveForTheSweep(String collection, List<Object> ids,
				Map<Object, List<PendingEvent>> knownOutboxes) {
			try {
				publishAll(collection, ids, knownOutboxes);
			}
			catch (RuntimeException ex) {
				EventOutbox.this.failuresOutstanding.set(true);
				log.warn("Could not publish the outbox of {} document(s) in {}; will retry: {}", ids.size(), collection,
						ex.getMessage());
			}
		}

		void stop() {
			this.stopped = true;
			this.thread.interrupt();
		}

	}

}
