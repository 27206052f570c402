package uk.co.healthwatchportsmouth.charter.complaints.complaint;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import uk.co.healthwatchportsmouth.charter.contracts.Breached;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ClockCancelled;
import uk.co.healthwatchportsmouth.charter.contracts.ClockPaused;
import uk.co.healthwatchportsmouth.charter.contracts.ClockResumed;
import uk.co.healthwatchportsmouth.charter.contracts.ClockStarted;
import uk.co.healthwatchportsmouth.charter.contracts.ContactEscalatedToComplaint;
import uk.co.healthwatchportsmouth.charter.contracts.DeadlineChanged;
import uk.co.healthwatchportsmouth.charter.contracts.EventHeaders;
import uk.co.healthwatchportsmouth.charter.contracts.EventType;
import uk.co.healthwatchportsmouth.charter.contracts.Met;
import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;
import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.OutboxProperties;

/**
 * The complaint's Kafka side: publishes the procedure on {@link Topics#COMPLAINTS}
 * through {@value #OUTPUT} (destination, acks and sync sends in application.yml), takes
 * over contacts escalated to complaints from {@link Topics#CONTACTS}, and projects
 * sla-service's complaint clocks from {@link Topics#SLA}. An unreadable record throws
 * {@code MalformedEventException}, which is not retried and goes straight to the
 * consumer's dead-letter topic; other failures are retried first.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintEventsConfiguration {

	static final String OUTPUT = "complaintEvents-out-0";

	@Bean
	EventOutbox complaintOutbox(MongoTemplate mongo, StreamBridge bridge, OutboxProperties properties,
			MeterRegistry meters) {
		return new EventOutbox(mongo, bridge, properties, Map.of(Topics.COMPLAINTS, OUTPUT), meters);
	}

	/**
	 * Sweeps for events a previous run saved but never published, once the binding can
	 * send.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> sweepComplaintOutboxWhenReady(EventOutbox complaintOutbox) {
		return (ready) -> complaintOutbox.watch(ComplaintDocument.COLLECTION);
	}

	/** The clock events a complaint's deadlines follow; others are not even decoded. */
	private static final Set<String> CLOCK_EVENTS = Set.of(EventType.CLOCK_STARTED.wireName(),
			EventType.DEADLINE_CHANGED.wireName(), EventType.CLOCK_PAUSED.wireName(),
			EventType.CLOCK_RESUMED.wireName(), EventType.BREACHED.wireName(), EventType.MET.wireName(),
			EventType.CLOCK_CANCELLED.wireName());

	/**
	 * Only contact.escalated-to-complaint.v1 matters here. Other contact events pass
	 * undecoded, so a type added to intake later is no dead letter here; a record without
	 * a type is decoded, fails and goes to the dead-letter topic.
	 */
	@Bean
	Consumer<Message<byte[]>> contactEvents(ComplaintService complaints) {
		return (message) -> {
			String type = EventMessages.header(message, EventHeaders.TYPE);
			if (type != null && !EventType.CONTACT_ESCALATED_TO_COMPLAINT.wireName().equals(type)) {
				return;
			}
			if (EventMessages.fromMessage(message) instanceof ContactEscalatedToComplaint escalated) {
				complaints.createFromContact(escalated);
			}
		};
	}

	/** Clocks of COMPLAINT_* standards become the complaints' deadlines. */
	@Bean
	Consumer<Message<byte[]>> slaEvents(ComplaintService complaints) {
		return (message) -> {
			String type = EventMessages.header(message, EventHeaders.TYPE);
			if (type != null && !CLOCK_EVENTS.contains(type)) {
				return;
			}
			CharterEvent event = EventMessages.fromMessage(message);
			if (ClockDeadline.follows(event)) {
				complaints.applyClockEvent(event, clockId(event));
			}
		};
	}

	private static String clockId(CharterEvent event) {
		return switch (event) {
			case ClockStarted started -> started.clockId();
			case DeadlineChanged changed -> changed.clockId();
			case ClockPaused paused -> paused.clockId();
			case ClockResumed resumed -> resumed.clockId();
			case Breached breached -> breached.clockId();
			case Met met -> met.clockId();
			case ClockCancelled cancelled -> cancelled.clockId();
			default -> throw new IllegalArgumentException("Not a clock event: " + event.type().wireName());
		};
	}

}
