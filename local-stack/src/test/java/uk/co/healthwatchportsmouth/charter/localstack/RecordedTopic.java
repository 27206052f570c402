package uk.co.healthwatchportsmouth.charter.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from the beginning, as an operator's tool would, and keeps everything it
 * has seen.
 */
final class RecordedTopic implements AutoCloseable {

	record Seen(String topic, String key, String type, String eventId, String payload, String headers) {
	}

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final List<Seen> seen = new ArrayList<>();

	RecordedTopic(String bootstrap, List<String> topics) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						"e2e-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(topics);
	}

	synchronized List<Seen> poll() {
		for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(300))) {
			StringBuilder headers = new StringBuilder();
			for (Header header : record.headers()) {
				headers.append(header.key()).append('=').append(text(header.value())).append(';');
			}
			this.seen.add(new Seen(record.topic(), text(record.key()), header(record, "ce_type"),
					header(record, "ce_id"), text(record.value()), headers.toString()));
		}
		return List.copyOf(this.seen);
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? text(header.value()) : null;
	}

	private static String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
