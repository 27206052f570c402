package uk.co.healthwatchportsmouth.charter.sla.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.EventCodec;
import uk.co.healthwatchportsmouth.charter.contracts.EventHeaders;

/**
 * Reads a topic from the beginning with a plain Kafka consumer, as any consumer would,
 * and keeps every {@code sla.breached.v1} by clock: when it was due, when it fired (both
 * from the event), and when it was read (on the given clock, the wall clock if none).
 */
final class SlaEventReader implements AutoCloseable {

	record Firing(String eventId, Instant scheduledAt, Instant firedAt, Instant readAt) {

	}

	private final Map<String, List<Firing>> byClock = new ConcurrentHashMap<>();

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final Clock clock;

	private final Thread thread;

	private volatile boolean running = true;

	SlaEventReader(String brokers, String topic, Clock clock) {
		this.clock = (clock != null) ? clock : Clock.systemUTC();
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG,
						"benchmark-reader-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topic));
		this.thread = Thread.ofPlatform().name("benchmark-reader").daemon().start(this::read);
	}

	private void read() {
		try {
			while (this.running) {
				for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
					Instant readAt = this.clock.instant();
					String type = text(record.headers().lastHeader(EventHeaders.TYPE));
					if (!"sla.breached.v1".equals(type)) {
						continue;
					}
					CharterEvent event = EventCodec.decode(type, record.value());
					if (event instanceof Breached breached) {
						this.byClock.computeIfAbsent(breached.clockId(), (id) -> new ArrayList<>())
							.add(new Firing(breached.eventId(), breached.scheduledAt(), breached.firedAt(), readAt));
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	/**
	 * Waits until every clock's breach was read, or the timeout; then 2 s more for
	 * repeats.
	 */
	void awaitBreaches(Collection<String> clockIds, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> waiting = new ArrayList<>(clockIds);
		int index = 0;
		while (index < waiting.size() && System.nanoTime() < deadline) {
			if (this.byClock.containsKey(waiting.get(index))) {
				index++;
			}
			else {
				Thread.sleep(20);
			}
		}
		Thread.sleep(2000);
	}

	void summarise(TimerEngineBenchmark.Report report, String label, List<String> clockIds, Instant windowStart) {
		int missing = 0;
		int early = 0;
		int duplicateFirings = 0;
		int duplicateDeliveries = 0;
		long[] lateness = new long[clockIds.size()];
		long[] endToEnd = new long[clockIds.size()];
		int fired = 0;
		Instant firstFired = null;
		Instant lastFired = null;
		Instant lastRead = null;
		for (String id : clockIds) {
			List<Firing> firings = this.byClock.get(id);
			if (firings == null || firings.isEmpty()) {
				missing++;
				continue;
			}
			Set<String> eventIds = new HashSet<>();
			Set<Instant> firedAts = new HashSet<>();
			for (Firing firing : List.copyOf(firings)) {
				if (!eventIds.add(firing.eventId())) {
					duplicateDeliveries++;
				}
				firedAts.add(firing.firedAt());
				if (firing.firedAt().isBefore(firing.scheduledAt())) {
					early++;
				}
			}
			duplicateFirings += firedAts.size() - 1;
			Firing first = firings.get(0);
			lateness[fired] = Duration.between(first.scheduledAt(), first.firedAt()).toMillis();
			endToEnd[fired] = Duration.between(first.scheduledAt(), first.readAt()).toMillis();
			fired++;
			firstFired = (firstFired == null || first.firedAt().isBefore(firstFired)) ? first.firedAt() : firstFired;
			lastFired = (lastFired == null || first.firedAt().isAfter(lastFired)) ? first.firedAt() : lastFired;
			lastRead = (lastRead == null || first.readAt().isAfter(lastRead)) ? first.readAt() : lastRead;
		}
		report.line(
				"%s: expected %d, fired %d, missing (not read within the wait) %d, early %d, duplicate firings %d, duplicate deliveries %d",
				label, clockIds.size(), fired, missing, early, duplicateFirings, duplicateDeliveries);
		if (fired == 0) {
			return;
		}
		long[] late = Arrays.copyOf(lateness, fired);
		long[] seen = Arrays.copyOf(endToEnd, fired);
		Arrays.sort(late);
		Arrays.sort(seen);
		double firingSeconds = Duration.between(windowStart, lastFired).toMillis() / 1000.0;
		double burstSeconds = Duration.between(firstFired, lastFired).toMillis() / 1000.0;
		report.line("  lateness (firedAt - scheduledAt) ms: p50 %d, p90 %d, p99 %d, max %d", percentile(late, 50),
				percentile(late, 90), percentile(late, 99), late[fired - 1]);
		report.line("  due -> read from the topic ms: p50 %d, p99 %d, max %d", percentile(seen, 50),
				percentile(seen, 99), seen[fired - 1]);
		report.line(
				"  achieved: %.0f firings/s from the window start to the last firing (%.1f s); %.0f/s first to last firing (%.1f s);"
						+ " last event read %.1f s after the window start",
				fired / firingSeconds, firingSeconds, fired / Math.max(0.001, burstSeconds), burstSeconds,
				Duration.between(windowStart, lastRead).toMillis() / 1000.0);
	}

	private static long percentile(long[] sorted, double percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	private static String text(Header header) {
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.thread.join(5000);
	}

}
