package uk.co.healthwatchportsmouth.charter.support.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.EventCodec;
import uk.co.healthwatchportsmouth.charter.contracts.EventHeaders;

/**
 * Reads a topic from the beginning with a plain Kafka consumer, the way an operator's
 * tool would.
 */
public final class TopicReader implements AutoCloseable {

	/**
	 * @param traceParent the record's W3C {@code traceparent} header (the last one), or
	 * null
	 */
	public record Received(String key, String type, String eventId, byte[] payload, CharterEvent event,
			String traceParent) {

		/** The trace id of {@link #traceParent()}, or null. */
		public String traceId() {
			return (this.traceParent != null) ? this.traceParent.split("-")[1] : null;
		}

		public String json() {
			return new String(this.payload, StandardCharsets.UTF_8);
		}

	}

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final List<Received> seen = new ArrayList<>();

	public TopicReader(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-reader-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topic));
	}

	/**
	 * Polls until an event matching the condition has arrived, or fails after the
	 * timeout.
	 */
	public Received await(Predicate<Received> condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (Received received : this.seen) {
				if (condition.test(received)) {
					return received;
				}
			}
			poll(Duration.ofMillis(200));
		}
		throw new AssertionError("No matching event within " + timeout + "; saw "
				+ this.seen.stream().map((r) -> r.type() + "(" + r.key() + ")").toList());
	}

	/** Everything read so far plus whatever arrives within the given time. */
	public List<Received> drain(Duration quiet) {
		long deadline = System.nanoTime() + quiet.toNanos();
		while (System.nanoTime() < deadline) {
			poll(Duration.ofMillis(200));
		}
		return List.copyOf(this.seen);
	}

	private void poll(Duration timeout) {
		for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(timeout)) {
			String type = text(record.headers().lastHeader(EventHeaders.TYPE));
			CharterEvent event = null;
			try {
				event = (type != null) ? EventCodec.decode(type, record.value()) : null;
			}
			catch (RuntimeException ex) {
				// kept as raw bytes: a test may be looking for exactly such a record
			}
			this.seen.add(new Received((record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null,
					type, text(record.headers().lastHeader(EventHeaders.ID)), record.value(), event,
					text(record.headers().lastHeader("traceparent"))));
		}
	}

	private static String text(Header header) {
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
