package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.co.healthwatchportsmouth.charter.contracts.CharterEvent;

/**
 * Keeps each contact's {@link SlaProjection} in its own document, under {@code sla}.
 * Contact changes never rewrite that field, and this writes nothing else, so the two
 * never overwrite each other; the write is conditional on the projection's revision, so a
 * projection read before someone else's write is re-read rather than lost. It does not
 * move the contact's version (its ETag): a deadline moving in sla-service must not make a
 * member of staff's next change fail as stale.
 */
@Component
class MongoSlaProjections {

	private static final Logger log = LoggerFactory.getLogger(MongoSlaProjections.class);

	private static final int ATTEMPTS = 5;

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoSlaProjections(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Applies a clock event to its contact's projection.
	 * @return whether the projection changed: {@code false} for a duplicate, an event
	 * about a met clock or a contact this service does not hold
	 */
	boolean apply(CharterEvent event) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Query byId = Query.query(Criteria.where("_id").is(event.contactId()));
			byId.fields().include(ContactDocument.SLA);
			ContactDocument stored = this.mongo.findOne(byId, ContactDocument.class);
			if (stored == null) {
				log.debug("No contact {} for {} {}", event.contactId(), event.type().wireName(), event.eventId());
				return false;
			}
			SlaProjection before = (stored.sla() != null) ? stored.sla() : SlaProjection.NONE;
			SlaProjection after = before.apply(event, this.clock.instant());
			if (after == before) {
				return false;
			}
			Query unchanged = Query.query(Criteria.where("_id").is(event.contactId()))
				.addCriteria((before.revision() == 0)
						? new Criteria().orOperator(Criteria.where(ContactDocument.SLA_REVISION).is(0L),
								Criteria.where(ContactDocument.SLA_REVISION).exists(false))
						: Criteria.where(ContactDocument.SLA_REVISION).is(before.revision()));
			if (this.mongo.updateFirst(unchanged, new Update().set(ContactDocument.SLA, after), ContactDocument.class)
				.getModifiedCount() > 0) {
				return true;
			}
		}
		// the binder retries the record, then dead-letters it
		throw new IllegalStateException("Projection of contact " + event.contactId() + " kept changing underneath "
				+ event.type().wireName() + " " + event.eventId());
	}

}
