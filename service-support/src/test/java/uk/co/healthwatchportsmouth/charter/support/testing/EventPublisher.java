package uk.co.healthwatchportsmouth.charter.support.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.EventHeaders;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;

/**
 * Publishes events to a topic the way a service's outbox does, with a plain Kafka
 * producer: keyed by contact id, CloudEvents headers as raw bytes. Also publishes records
 * no consumer can read, for dead-letter tests.
 */
public final class EventPublisher implements AutoCloseable {

	private final KafkaProducer<byte[], byte[]> producer;

	private final String topic;

	private final String source;

	/**
	 * @param topic e.g. {@code Topics.CONTACTS}
	 * @param source the CloudEvents source of the producing service, e.g.
	 * {@code /intake-service}
	 */
	public EventPublisher(String bootstrapServers, String topic, String source) {
		this.topic = topic;
		this.source = source;
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	public void publish(CharterEvent event) {
		Message<byte[]> message = EventMessages.toMessage(event, this.source);
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(this.topic,
				(byte[]) message.getHeaders().get(KafkaHeaders.KEY), message.getPayload());
		message.getHeaders().forEach((name, value) -> {
			if (name.equals(KafkaHeaders.KEY) || name.equals(MessageHeaders.ID)
					|| name.equals(MessageHeaders.TIMESTAMP)) {
				return;
			}
			record.headers()
				.add(name, (value instanceof byte[] raw) ? raw : value.toString().getBytes(StandardCharsets.UTF_8));
		});
		send(record);
	}

	/** Publishes a record as is, e.g. one no consumer can read. */
	public void publishRaw(String key, String type, String payload) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(this.topic, key.getBytes(StandardCharsets.UTF_8),
				payload.getBytes(StandardCharsets.UTF_8));
		record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		record.headers().add(EventHeaders.ID, ("raw-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
		send(record);
	}

	private void send(ProducerRecord<byte[], byte[]> record) {
		try {
			this.producer.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish to " + this.topic, ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
