package uk.co.healthwatchportsmouth.charter.notification.contact;

import java.util.Optional;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;

/**
 * What reminders need to know about a customer: only their communication needs summary
 * (e.g. "large print"), by contact id, from {@code contact.received.v1} (and by complaint
 * id, from {@code complaint.received.v1}). Nothing else about the customer is ever kept
 * here. Collection {@code contact_needs}.
 */
public class CommunicationNeeds {

	static final String COLLECTION = "contact_needs";

	private static final String SUMMARY = "needsSummary";

	private final MongoTemplate mongo;

	public CommunicationNeeds(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Remembers the summary of a received contact, if it has one; repeating the same
	 * event writes the same value again.
	 */
	public void record(ContactReceived received) {
		record(received.contactId(), received.needsSummary());
	}

	/**
	 * Remembers the summary of an item that has one, e.g. a complaint from
	 * {@code complaint.received.v1} (its clocks carry the complaint id where a contact's
	 * carry the contact id).
	 */
	public void record(String itemId, String summary) {
		if (summary == null || summary.isBlank()) {
			return;
		}
		this.mongo.upsert(Query.query(Criteria.where("_id").is(itemId)), Update.update(SUMMARY, summary.strip()),
				COLLECTION);
	}

	public Optional<String> summaryFor(String contactId) {
		Document found = this.mongo.findById(contactId, Document.class, COLLECTION);
		return Optional.ofNullable(found).map((document) -> document.getString(SUMMARY));
	}

}
