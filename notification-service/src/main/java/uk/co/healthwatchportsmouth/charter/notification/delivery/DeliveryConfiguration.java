package uk.co.healthwatchportsmouth.charter.notification.delivery;

import java.time.Clock;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import uk.co.healthwatchportsmouth.charter.calendar.WorkingCalendar;
import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;
import uk.co.healthwatchportsmouth.charter.contracts.ComplaintReceived;
import uk.co.healthwatchportsmouth.charter.notification.complaint.ComplaintHandlers;
import uk.co.healthwatchportsmouth.charter.notification.contact.CommunicationNeeds;
import uk.co.healthwatchportsmouth.charter.notification.digest.OpenClocks;
import uk.co.healthwatchportsmouth.charter.notification.mail.AlertMailComposer;
import uk.co.healthwatchportsmouth.charter.notification.mail.GuardedMailer;
import uk.co.healthwatchportsmouth.charter.notification.mail.NotificationMailProperties;
import uk.co.healthwatchportsmouth.charter.notification.staff.StaffRoster;
import uk.co.healthwatchportsmouth.charter.support.messaging.EventMessages;

/**
 * Wires delivery to Kafka ({@code slaEvents-in-0}, {@code complaintEvents-in-0}), MongoDB
 * and the retry schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RetryProperties.class)
class DeliveryConfiguration {

	@Bean(initMethod = "createIndexes")
	NotificationStore notificationStore(MongoTemplate mongo) {
		return new NotificationStore(mongo);
	}

	@Bean
	ComplaintHandlers complaintHandlers(MongoTemplate mongo) {
		return new ComplaintHandlers(mongo);
	}

	@Bean
	NotificationDelivery notificationDelivery(NotificationStore store, StaffRoster staff, CommunicationNeeds needs,
			ComplaintHandlers handlers, AlertMailComposer composer, GuardedMailer mailer,
			NotificationMailProperties mail, RetryProperties retry, Clock clock, MeterRegistry meters,
			WorkingCalendar calendar) {
		return new NotificationDelivery(store, staff, needs, handlers, composer, mailer, mail.from(), retry, clock,
				meters, calendar);
	}

	/**
	 * England and Wales working days, 09:00-17:00 London: when non-urgent mail may go.
	 */
	@Bean
	@ConditionalOnMissingBean
	WorkingCalendar workingCalendar() {
		return WorkingCalendar.englandAndWales();
	}

	/**
	 * Consumes {@code charter.sla-events}. An unreadable record throws
	 * {@code MalformedEventException}, which the binder sends to the dead-letter topic
	 * without retrying.
	 */
	@Bean
	Consumer<Message<byte[]>> slaEvents(NotificationDelivery delivery, OpenClocks openClocks) {
		return (message) -> {
			CharterEvent event = EventMessages.fromMessage(message);
			openClocks.apply(event);
			delivery.handle(event, deliveryId(message));
		};
	}

	/**
	 * Consumes {@code charter.complaint-events} ({@code complaintEvents-in-0}): keeps who
	 * handles each complaint, the complainant's communication needs summary (for the
	 * reminders of the complaint's clocks) and the digest's open clocks up to date, then
	 * sends the complaint's milestone email, if it has one. An unreadable record goes to
	 * the dead-letter topic without retrying.
	 */
	@Bean
	Consumer<Message<byte[]>> complaintEvents(NotificationDelivery delivery, ComplaintHandlers handlers,
			CommunicationNeeds needs, OpenClocks openClocks) {
		return (message) -> {
			CharterEvent event = EventMessages.fromMessage(message);
			handlers.apply(event);
			if (event instanceof ComplaintReceived received) {
				needs.record(received.complaintId(), received.needsSummary());
			}
			openClocks.apply(event);
			delivery.handle(event, deliveryId(message));
		};
	}

	/**
	 * Where the record sits in Kafka: the same for every replay of one record, different
	 * for a second publication of the same event.
	 */
	private static String deliveryId(Message<byte[]> message) {
		Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
		Object partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION);
		Object offset = message.getHeaders().get(KafkaHeaders.OFFSET);
		if (topic == null || partition == null || offset == null) {
			return null;
		}
		return topic + "/" + partition + "@" + offset;
	}

	@Bean
	SchedulingConfigurer notificationRetrySchedule(NotificationDelivery delivery, RetryProperties retry) {
		return (registrar) -> registrar.addFixedDelayTask(delivery::retryDue, retry.pollInterval());
	}

}
