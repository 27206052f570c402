package uk.co.healthwatchportsmouth.charter.support.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
 * Publishing runs in several lanes so that the Kafka producer can batch the sends of many
 * documents; each document is always published by the same lane, so its events stay in
 * order. Documents are published soon after they are saved. Any that could not be (Kafka
 * down, service killed) are found again by a sweep at start-up and, while failures are
 * outstanding, every retry interval.
 */
public class EventOutbox implements ApplicationListener<ApplicationReadyEvent>, ApplicationContextAware, AutoCloseable {

	public static final String FIELD = "outbox";

	private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

	private final MongoTemplate mongo;

	private final StreamBridge bridge;

	private final OutboxProperties properties;

	private final Map<String, String> bindingByTopic;

	private final ScheduledExecutorService sweeper;

	private final List<ExecutorService> lanes;

	private final Set<String> collections = ConcurrentHashMap.newKeySet();

	private final Set<String> queued = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean failuresOutstanding = new AtomicBoolean(true);

	private final Counter published;

	private final Counter failed;

	private final AtomicLong pendingDocuments = new AtomicLong();

	private ObjectProvider<TracingConfiguration.TraceParentsInstaller> tracing;

	/**
	 * @param bindingByTopic the Spring Cloud Stream output binding that writes to each
	 * topic
	 */
	public EventOutbox(MongoTemplate mongo, StreamBridge bridge, OutboxProperties properties,
			Map<String, String> bindingByTopic, MeterRegistry meters) {
		this.mongo = mongo;
		this.bridge = bridge;
		this.properties = properties;
		this.bindingByTopic = Map.copyOf(bindingByTopic);
		this.published = meters.counter("charter.outbox.published");
		this.failed = meters.counter("charter.outbox.publish.failures");
		Gauge.builder("charter.outbox.pending", this.pendingDocuments, AtomicLong::get)
			.description("Documents whose events wait to be published (recounted every charter.outbox.pending-refresh)")
			.register(meters);
		this.sweeper = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-sweeper").daemon().factory());
		this.lanes = IntStream.range(0, properties.lanes())
			.mapToObj((lane) -> Executors
				.newSingleThreadExecutor(Thread.ofPlatform().name("outbox-relay-" + lane).daemon().factory()))
			.toList();
	}

	/** This context's tracer continues the trace of each event when it is published. */
	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.tracing = context.getBeanProvider(TracingConfiguration.TraceParentsInstaller.class);
	}

	/**
	 * Sweeps begin once the application is ready: before that, the output bindings refuse
	 * to send.
	 */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		long interval = this.properties.retryInterval().toMillis();
		this.sweeper.scheduleWithFixedDelay(this::sweepIfNeeded, 0, interval, TimeUnit.MILLISECONDS);
		long refresh = this.properties.pendingRefresh().toMillis();
		this.sweeper.scheduleWithFixedDelay(this::countPending, 0, refresh, TimeUnit.MILLISECONDS);
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
		String key = collection + "/" + id;
		if (this.queued.add(key)) {
			laneOf(collection, id).execute(() -> {
				this.queued.remove(key);
				publish(collection, id);
			});
		}
	}

	private ExecutorService laneOf(String collection, Object id) {
		return this.lanes.get(Math.floorMod(Objects.hash(collection, id), this.lanes.size()));
	}

	/**
	 * Publishes a document's pending events now, on the calling thread.
	 * @return whether every pending event was published
	 */
	public boolean publish(String collection, Object id) {
		Query byId = Query.query(Criteria.where("_id").is(id));
		byId.fields().include(FIELD);
		Document document = this.mongo.findOne(byId, Document.class, collection);
		if (document == null) {
			return true;
		}
		List<Document> pending = document.getList(FIELD, Document.class, List.of());
		List<String> sent = new ArrayList<>();
		boolean complete = true;
		for (Document entry : pending) {
			PendingEvent event = new PendingEvent(entry.getString("eventId"), entry.getString("type"),
					entry.getString("payload"), null, entry.getString("traceParent"));
			if (!send(event)) {
				this.failuresOutstanding.set(true);
				complete = false;
				break;
			}
			sent.add(event.eventId());
		}
		if (!sent.isEmpty()) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().pull(FIELD, new Document("eventId", new Document("$in", sent))), collection);
		}
		return complete;
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
			if (!this.bridge.send(binding, message)) {
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

	/**
	 * Counts the documents that still carry events, for the
	 * {@code charter.outbox.pending} gauge. Run on the sweeper rather than per scrape, so
	 * a scrape never waits for MongoDB.
	 */
	void countPending() {
		long total = 0;
		for (String collection : this.collections) {
			try {
				total += this.mongo.count(Query.query(Criteria.where(FIELD + ".0").exists(true)), collection);
			}
			catch (RuntimeException ex) {
				log.debug("Could not count the outbox of {}: {}", collection, ex.getMessage());
				return;
			}
		}
		this.pendingDocuments.set(total);
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
		this.lanes.forEach(ExecutorService::shutdown);
		try {
			for (ExecutorService lane : this.lanes) {
				lane.awaitTermination(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
