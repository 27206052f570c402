package uk.co.healthwatchportsmouth.charter.support.clock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link VirtualClock} per service in step across the local stack through a
 * compacted Kafka topic: the latest record holds the offset from real time. Every service
 * reads the topic from the start, so a restarted service (or the whole stack after a
 * restart) resumes at the same virtual time.
 */
public final class SharedVirtualClock implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SharedVirtualClock.class);

	private static final byte[] KEY = "offset".getBytes(StandardCharsets.UTF_8);

	private final VirtualClock clock;

	private final String topic;

	private final TopicPartition partition;

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final KafkaProducer<byte[], byte[]> producer;

	private final Thread follower;

	private volatile boolean running = true;

	public SharedVirtualClock(VirtualClock clock, String bootstrapServers, String topic) {
		this.clock = clock;
		this.topic = topic;
		this.partition = new TopicPartition(topic, 0);
		createTopicIfMissing(bootstrapServers, topic);
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new ByteArraySerializer(), new ByteArraySerializer());
		this.consumer.assign(List.of(this.partition));
		this.consumer.seekToBeginning(List.of(this.partition));
		catchUp();
		this.follower = Thread.ofPlatform().daemon().name("virtual-clock-follower").start(this::follow);
	}

	/** Moves the whole stack's clock forward and returns the new virtual now. */
	public Instant advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("The clock only moves forward; got " + by);
		}
		synchronized (this.clock) {
			Duration next = this.clock.offset().plus(by);
			try {
				this.producer
					.send(new ProducerRecord<>(this.topic, 0, KEY, next.toString().getBytes(StandardCharsets.UTF_8)))
					.get(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while sharing the clock", ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("Could not share the new clock offset", ex);
			}
			this.clock.adoptOffset(next);
		}
		log.info("Virtual clock advanced by {}; offset is now {}", by, this.clock.offset());
		return this.clock.instant();
	}

	public VirtualClock clock() {
		return this.clock;
	}

	private void catchUp() {
		long end = this.consumer.endOffsets(List.of(this.partition)).get(this.partition);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		synchronized (this.consumer) {
			while (this.consumer.position(this.partition) < end && System.nanoTime() < deadline) {
				this.consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
			}
		}
		log.info("Virtual clock offset {} (virtual now {})", this.clock.offset(), this.clock.instant());
	}

	private void follow() {
		try {
			while (this.running) {
				synchronized (this.consumer) {
					this.consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
				}
				Thread.onSpinWait();
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		catch (RuntimeException ex) {
			log.error("Virtual clock follower stopped", ex);
		}
	}

	private void apply(ConsumerRecord<byte[], byte[]> record) {
		if (record.value() == null) {
			return;
		}
		try {
			this.clock.adoptOffset(Duration.parse(new String(record.value(), StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring unreadable clock record at offset {}", record.offset());
		}
	}

	private static void createTopicIfMissing(String bootstrapServers, String topic) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (Admin admin = Admin.create(config)) {
			admin
				.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("Could not create " + topic, ex);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Kafka did not answer while creating " + topic, ex);
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.follower.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		synchronized (this.consumer) {
			this.consumer.close();
		}
		this.producer.close(Duration.ofSeconds(2));
	}

}
