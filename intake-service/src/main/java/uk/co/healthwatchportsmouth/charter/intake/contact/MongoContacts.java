package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.util.List;
import java.util.Optional;

import com.mongodb.client.result.UpdateResult;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.contracts.ContactReceived;
import uk.co.healthwatchportsmouth.charter.contracts.ContactResponded;
import uk.co.healthwatchportsmouth.charter.support.outbox.EventOutbox;
import uk.co.healthwatchportsmouth.charter.support.outbox.PendingEvent;

/**
 * Stores contacts in MongoDB. Every write saves the change and its event in one document
 * update (Mongo has no transactions here), then hands the document to the outbox to
 * publish; targeted updates rather than whole-document saves keep the outbox relay's
 * removals of published events intact.
 */
@Component
class MongoContacts {

	private final MongoTemplate mongo;

	private final EventOutbox outbox;

	MongoContacts(MongoTemplate mongo, EventOutbox outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	void insert(Contact contact, ContactReceived event) {
		this.mongo.insert(ContactDocument.of(contact, List.of(PendingEvent.of(event))));
		this.outbox.publishSoon(ContactDocument.COLLECTION, contact.id());
	}

	Optional<Contact> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, ContactDocument.class)).map(ContactDocument::toContact);
	}

	/**
	 * Saves a response unless another one got there first.
	 * @return whether this response was saved
	 */
	boolean saveResponse(Contact contact, ContactResponded event) {
		Query stillOpen = Query
			.query(Criteria.where("_id").is(contact.id()).and(ContactDocument.STATUS).is(ContactStatus.OPEN));
		Update response = new Update().set(ContactDocument.STATUS, contact.status())
			.set(ContactDocument.RESPONDED_AT, contact.respondedAt())
			.set(ContactDocument.RESPONDED_BY, contact.respondedBy())
			.push(ContactDocument.OUTBOX, PendingEvent.of(event));
		UpdateResult result = this.mongo.updateFirst(stillOpen, response, ContactDocument.class);
		if (result.getModifiedCount() == 0) {
			return false;
		}
		this.outbox.publishSoon(ContactDocument.COLLECTION, contact.id());
		return true;
	}

}
