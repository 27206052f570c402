package uk.co.healthwatchportsmouth.charter.sla.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.ReminderDue;
import uk.co.healthwatchportsmouth.charter.sla.SlaProperties;

/**
 * How well the charter is kept, as metrics. Outcomes ({@code charter.clocks.breached},
 * {@code charter.clocks.met}, {@code charter.clocks.reminders}) are counted from the
 * events a clock change stored, so a change counts once however often its cause was
 * delivered. The open clocks ({@code charter.clocks.open}, by standard, state and due day
 * in the calendar's zone) are recounted from MongoDB every
 * {@code charter.sla.metrics.open-refresh}: one aggregation, a single pass over the open
 * clocks grouped by standard, state and due day range, so the cost does not grow with
 * scrapes. A store that cannot answer it from an index (the embedded wire server) scans
 * every clock, seconds of work with a million of them, so the recount is paced to take at
 * most {@code charter.sla.metrics.open-recount-share} of the time (see
 * {@link RecountPacing}); how long each took is the {@code charter.clocks.open.recount}
 * timer. Tags are codes only, never people.
 */
@Component
@EnableConfigurationProperties(ClockMetrics.Properties.class)
public class ClockMetrics implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

	public static final String OPEN = "charter.clocks.open";

	private static final Logger log = LoggerFactory.getLogger(ClockMetrics.class);

	private static final List<ClockState> OPEN_STATES = List.of(ClockState.RUNNING, ClockState.PAUSED,
			ClockState.BREACHED);

	private final MongoTemplate mongo;

	private final MeterRegistry meters;

	private final Clock clock;

	private final ZoneId zone;

	private final Set<String> standards;

	private final MultiGauge open;

	private final Timer recount;

	private final RecountPacing pacing;

	private final ScheduledExecutorService refresher = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("clock-metrics").daemon().factory());

	/**
	 * @param openRefresh how often the open clocks are recounted when a recount is quick
	 * @param openRecountShare the largest share of the time the recounts may take: after
	 * a slow recount the next waits longer than {@code openRefresh}
	 */
	@Validated
	@ConfigurationProperties("charter.sla.metrics")
	public record Properties(@NotNull @DefaultValue("PT30S") Duration openRefresh,
			@DecimalMin("0.001") @DecimalMax("1") @DefaultValue("0.02") double openRecountShare) {

	}

	public ClockMetrics(MongoTemplate mongo, MeterRegistry meters, Clock clock, SlaProperties sla,
			Properties properties) {
		this.mongo = mongo;
		this.meters = meters;
		this.clock = clock;
		this.zone = sla.calendar().zone();
		this.standards = sla.standards().keySet();
		this.open = MultiGauge.builder(OPEN)
			.description("Open clocks by standard, state and the day their deadline falls on")
			.register(meters);
		this.recount = Timer.builder(OPEN + ".recount")
			.description("How long each recount of the open clocks took")
			.register(meters);
		this.pacing = new RecountPacing(properties.openRefresh(), properties.openRecountShare());
	}

	/** Counts the outcomes among events a clock change has just stored. */
	public void recorded(List<CharterEvent> events) {
		for (CharterEvent event : events) {
			switch (event) {
				case Breached breached ->
					this.meters.counter("charter.clocks.breached", "standard", breached.standard()).increment();
				case Met met ->
					this.meters
						.counter("charter.clocks.met", "standard", met.standard(), "on.time",
								String.valueOf(met.dueAt() == null || !met.respondedAt().isAfter(met.dueAt())))
						.increment();
				case ReminderDue reminder ->
					this.meters.counter("charter.clocks.reminders", "standard", reminder.standard()).increment();
				default -> {
				}
			}
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		// at once: the dashboard and the alert rules read the gauge from the start
		this.refresher.execute(this::refreshOpenAndScheduleNext);
	}

	private void refreshOpenAndScheduleNext() {
		// elapsed time, not this.clock: that clock may be moved by hand
		long started = System.nanoTime();
		refreshOpen();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		if (!this.refresher.isShutdown()) {
			this.refresher.schedule(this::refreshOpenAndScheduleNext, this.pacing.delayAfter(took).toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/** Recounts the open clocks now. */
	public void refreshOpen() {
		Timer.Sample sample = Timer.start(this.meters);
		try {
			Map<Tags, Long> counts = new HashMap<>();
			for (String standard : this.standards) {
				for (ClockState state : OPEN_STATES) {
					for (Due due : Due.values()) {
						counts.put(tags(standard, state, due), 0L);
					}
				}
			}
			Instant now = this.clock.instant();
			LocalDate today = now.atZone(this.zone).toLocalDate();
			Instant tomorrow = today.plusDays(1).atStartOfDay(this.zone).toInstant();
			Instant dayAfter = today.plusDays(2).atStartOfDay(this.zone).toInstant();
			count(counts, now, tomorrow, dayAfter);
			List<MultiGauge.Row<?>> rows = new ArrayList<>();
			counts.forEach((tags, count) -> rows.add(MultiGauge.Row.of(tags, count)));
			this.open.register(rows, true);
		}
		catch (RuntimeException ex) {
			log.warn("Could not count the open clocks; keeping the last counts: {}", ex.getMessage());
		}
		finally {
			sample.stop(this.recount);
		}
	}

	/**
	 * One pass over the open clocks, grouped by standard, state and the day range their
	 * deadline falls in (worked out by the store, so only the counts travel).
	 */
	private void count(Map<Tags, Long> counts, Instant now, Instant tomorrow, Instant dayAfter) {
		Document open = new Document(ClockDocument.STATE,
				new Document("$in", OPEN_STATES.stream().map(Enum::name).toList()))
			.append(ClockDocument.DUE_AT, new Document("$ne", null));
		Document due = dueBefore(now, Due.OVERDUE,
				dueBefore(tomorrow, Due.TODAY, dueBefore(dayAfter, Due.TOMORROW, Due.LATER.name())));
		Document group = new Document("_id",
				new Document(ClockDocument.STANDARD, "$" + ClockDocument.STANDARD)
					.append(ClockDocument.STATE, "$" + ClockDocument.STATE)
					.append("due", due))
			.append("count", new Document("$sum", 1));
		for (Document row : this.mongo.getCollection(ClockStore.COLLECTION)
			.aggregate(List.of(new Document("$match", open), new Document("$group", group)))) {
			Document id = row.get("_id", Document.class);
			ClockState state = ClockState.valueOf(id.getString(ClockDocument.STATE));
			counts.merge(tags(id.getString(ClockDocument.STANDARD), state, Due.valueOf(id.getString("due"))),
					((Number) row.get("count")).longValue(), Long::sum);
		}
	}

	private static Document dueBefore(Instant instant, Due due, Object otherwise) {
		return new Document("$cond", List
			.of(new Document("$lt", List.of("$" + ClockDocument.DUE_AT, Date.from(instant))), due.name(), otherwise));
	}

	private static Tags tags(String standard, ClockState state, Due due) {
		return Tags.of("standard", String.valueOf(standard), "state", state.name().toLowerCase(), "due",
				due.name().toLowerCase());
	}

	@Override
	public void close() {
		this.refresher.shutdownNow();
	}

	private enum Due {

		OVERDUE, TODAY, TOMORROW, LATER

	}

}
