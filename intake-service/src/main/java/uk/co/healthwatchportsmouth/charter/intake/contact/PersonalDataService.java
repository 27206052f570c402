package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import uk.co.healthwatchportsmouth.charter.support.problem.NotFoundException;

/**
 * The customer's right to erasure, and the retention rule: both blank what identifies the
 * person while keeping the facts charter statistics need, and both are audited. No event
 * is published: events never carried the personal data in the first place.
 */
@Service
public class PersonalDataService {

	/** The actor the audit trail names for the retention job. */
	static final String RETENTION = "retention";

	private static final Logger log = LoggerFactory.getLogger(PersonalDataService.class);

	private final MongoContacts contacts;

	private final ContactService service;

	private final RetentionProperties retention;

	private final Clock clock;

	PersonalDataService(MongoContacts contacts, ContactService service, RetentionProperties retention, Clock clock) {
		this.contacts = contacts;
		this.service = service;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Erases a customer's personal data from every one of their contacts.
	 * @return how many contacts were erased
	 * @throws NotFoundException when no contact belongs to the customer
	 */
	public int eraseCustomer(String customerId, String staffId) {
		List<String> ids = this.contacts.idsOfCustomer(customerId);
		if (ids.isEmpty()) {
			throw new NotFoundException("No contact of customer " + customerId);
		}
		ids.forEach((id) -> erase(id, staffId, "PERSONAL_DATA_ERASED"));
		log.info("Personal data of customer {} erased from {} contact(s)", customerId, ids.size());
		return ids.size();
	}

	/**
	 * Anonymises contacts closed longer ago than the retention period.
	 * @return how many contacts were anonymised
	 */
	@Scheduled(initialDelayString = "${charter.intake.retention.check-interval:PT1H}",
			fixedDelayString = "${charter.intake.retention.check-interval:PT1H}")
	public int anonymiseExpiredContacts() {
		Instant cutoff = this.clock.instant().atZone(ZoneOffset.UTC).minus(this.retention.keepFor()).toInstant();
		List<String> ids = this.contacts.idsClosedBeforeAndNotErased(cutoff);
		ids.forEach((id) -> erase(id, RETENTION, "ANONYMISED_AFTER_RETENTION"));
		if (!ids.isEmpty()) {
			log.info("Retention: anonymised {} contact(s) closed before {}", ids.size(), cutoff);
		}
		return ids.size();
	}

	private void erase(String id, String staffId, String action) {
		this.service.change(id, null, staffId, action, (contact) -> {
			contact.erasePersonalData(this.clock.instant());
			return null;
		});
	}

}
