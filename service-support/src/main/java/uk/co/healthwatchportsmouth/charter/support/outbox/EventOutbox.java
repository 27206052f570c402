package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
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
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import uk.co.healthwatchportsmouth.charter.contracts.EventType;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;
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
 * it reads their outboxes at once, sends the documents' events side by side (each
 * document's in order), so that the Kafka producer batches them, and removes what was
 * sent in one write. Documents are published soon after they are saved. Any that could
 * not be (Kafka down, service killed) are found again by a sweep at start-up and, while
 * failures are outstanding, every retry interval.
 */
public class EventOutbox implements ApplicationListener<ApplicationReadyEvent>, ApplicationContextAware, AutoCloseable {

	public static final String FIELD = "outbox";

	private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

	private final MongoTemplate mongo;

	private final BiPredicate<String, Message<byte[]>> sender;

	private final OutboxProperties properties;

	private final Map<String, String> bindingByTopic;

	private final ScheduledExecutorService sweeper;

	private final List<Lane> lanes;

	// platform threads: a service (or a test) busy with virtual threads of its own must
	// not starve the sends that empty the outbox
	private final ExecutorService senders;

	private final Set<String> collections = ConcurrentHashMap.newKeySet();

	private final Set<Key> queued = ConcurrentHashMap.newKeySet();

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
	 * @param sender sends a message to an output binding and tells whether the broker
	 * acknowledged it
	 */
	EventOutbox(MongoTemplate mongo, BiPredicate<String, Message<byte[]>> sender, OutboxProperties properties,
			Map<String, String> bindingByTopic, MeterRegistry meters) {
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
		this.senders = Executors.newFixedThreadPool(properties.senders(),
				Thread.ofPlatform().name("outbox-send-", 0).daemon().factory());
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
		Key key = new Key(collection, id);
		this.unpublished.add(key);
		if (this.queued.add(key)) {
			this.lanes.get(Math.floorMod(key.hashCode(), this.lanes.size())).queue.add(key);
		}
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
		Query byIds = Query.query(Criteria.where("_id").in(ids));
		byIds.fields().include(FIELD);
		List<Document> documents = this.mongo.find(byIds, Document.class, collection)
			.stream()
			.filter((document) -> !document.getList(FIELD, Document.class, List.of()).isEmpty())
			.toList();
		Map<Object, List<String>> sentById = new LinkedHashMap<>();
		if (documents.size() == 1) {
			Document only = documents.get(0);
			sentById.put(only.get("_id"), sendInOrder(only));
		}
		else if (!documents.isEmpty()) {
			List<Future<List<String>>> sending = documents.stream()
				.map((document) -> this.senders.submit(() -> sendInOrder(document)))
				.toList();
			for (int i = 0; i < documents.size(); i++) {
				sentById.put(documents.get(i).get("_id"), awaitSent(sending.get(i)));
			}
		}
		boolean complete = true;
		Set<Object> waiting = new HashSet<>();
		BulkOperations removal = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
		int removals = 0;
		for (Document document : documents) {
			List<String> sent = sentById.get(document.get("_id"));
			if (sent.size() < document.getList(FIELD, Document.class).size()) {
				complete = false;
				waiting.add(document.get("_id"));
			}
			if (!sent.isEmpty()) {
				removal.updateOne(Query.query(Criteria.where("_id").is(document.get("_id"))),
						new Update().pull(FIELD, new Document("eventId", new Document("$in", sent))));
				removals++;
			}
		}
		if (removals > 0) {
			removal.execute();
		}
		for (Object id : ids) {
			Key key = new Key(collection, id);
			// a document queued again meanwhile has new events: it stays counted
			if (!waiting.contains(id) && !this.queued.contains(key)) {
				this.unpublished.remove(key);
			}
		}
		if (!complete) {
			this.failuresOutstanding.set(true);
		}
		return complete;
	}

	/** Sends a document's events in order, stopping at the first that fails. */
	private List<String> sendInOrder(Document document) {
		List<String> sent = new ArrayList<>();
		for (Document entry : document.getList(FIELD, Document.class, List.of())) {
			PendingEvent event = new PendingEvent(entry.getString("eventId"), entry.getString("type"),
					entry.getString("payload"), null, entry.getString("traceParent"));
			if (!send(event)) {
				break;
			}
			sent.add(event.eventId());
		}
		return sent;
	}

	private static List<String> awaitSent(Future<List<String>> sending) {
		try {
			return sending.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
		catch (ExecutionException ex) {
			// send() catches what a send throws; nothing is known to be sent
			log.warn("Outbox send failed unexpectedly; will retry: {}", ex.getCause().toString());
			return List.of();
		}
	}

	private boolean send(PendingEvent pending) {
		if (pending.traceParent() == null || pending.traceParent().isBlank()) {
			return sendInTrace(pending);
		}
		TracingConfiguration.TraceParentsInstaller installer = (this.tracing != null) ? this.tracing.getIfAvailable()
				: null;
		TraceParents.Bridge bridge = (installer != null) ? installer.bridge() : TraceParents.Bridge.NONE;
		return bridge.within(pending.traceParent(), "outbox publish", () -> sendInTrace(pending));
	}

	private boolean sendInTrace(PendingEvent pending) {
		try {
			String topic = EventType.fromWireName(pending.type()).orElseThrow().topic();
			String binding = this.bindingByTopic.get(topic);
			if (binding == null) {
				throw new IllegalStateException("No output binding for topic " + topic);
			}
			Message<byte[]> message = EventMessages.toMessage(pending.event(), this.properties.source(),
					pending.traceParent());
			if (!this.sender.test(binding, message)) {
				throw new IllegalStateException("Binding " + binding + " refused the message");
			}
			this.published.increment();
			return true;
		}
		catch (RuntimeException ex) {
			this.failed.increment();
			log.warn("Could not publish event {} ({}); will retry: {}", pending.eventId(), pending.type(),
					ex.getMessage());
			return false;
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
		this.senders.shutdown();
	}

	private record Key(String collection, Object id) {

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
				// from here on a new change to one of these documents queues it again
				batch.forEach(EventOutbox.this.queued::remove);
				Map<String, List<Object>> idsByCollection = new LinkedHashMap<>();
				batch.forEach((key) -> idsByCollection.computeIfAbsent(key.collection(), (c) -> new ArrayList<>())
					.add(key.id()));
				idsByCollection.forEach(this::publishOrLeaveForTheSweep);
				batch.clear();
			}
		}

		private void publishOrLeaveForTheSweep(String collection, List<Object> ids) {
			try {
				publishAll(collection, ids);
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
