package uk.co.healthwatchportsmouth.charter.notification.staff;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;

import uk.co.healthwatchportsmouth.charter.support.problem.InvalidFieldException;
import uk.co.healthwatchportsmouth.charter.support.problem.NotFoundException;

/**
 * The staff directory as maintained through the API, in MongoDB (collection
 * {@code staff}, {@code _id} = staff id). Seeded from configuration at start-up with the
 * ids it does not have yet, so an edit made through the API survives a restart. Nobody is
 * ever deleted: someone who leaves is made inactive, so old notifications still name
 * them.
 */
public class StaffRoster {

	static final String COLLECTION = "staff";

	private static final Logger log = LoggerFactory.getLogger(StaffRoster.class);

	private final MongoTemplate mongo;

	public StaffRoster(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Adds the configured staff members whose ids are not stored yet. */
	public void seed(StaffDirectory configured) {
		int added = 0;
		for (StaffMember member : configured.members()) {
			try {
				this.mongo.insert(member, COLLECTION);
				added++;
			}
			catch (DuplicateKeyException ex) {
				// already there, perhaps edited through the API: the stored version wins
			}
		}
		log.info("Staff directory seeded: {} of {} configured staff members were new", added,
				configured.members().size());
	}

	/** Everyone as stored now, for looking up the recipients of one notification. */
	public StaffDirectory directory() {
		return StaffDirectory.tolerant(list());
	}

	public List<StaffMember> list() {
		return this.mongo.find(new Query().with(Sort.by("_id")), StaffMember.class, COLLECTION);
	}

	public Optional<StaffMember> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, StaffMember.class, COLLECTION));
	}

	public StaffMember create(StaffMember member) {
		requireValidManager(member);
		try {
			this.mongo.insert(member, COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidFieldException(HttpStatus.CONFLICT, "id",
					"a staff member with id '" + member.id() + "' already exists");
		}
		return member;
	}

	public StaffMember update(StaffMember member) {
		find(member.id()).orElseThrow(() -> new NotFoundException("No staff member with id " + member.id()));
		requireValidManager(member);
		this.mongo.save(member, COLLECTION);
		return member;
	}

	private void requireValidManager(StaffMember member) {
		if (member.managerId() == null) {
			return;
		}
		if (member.managerId().equals(member.id())) {
			throw new InvalidFieldException("managerId", "cannot be the staff member themselves");
		}
		if (find(member.managerId()).isEmpty()) {
			throw new InvalidFieldException("managerId", "no staff member with id '" + member.managerId() + "'");
		}
	}

}
