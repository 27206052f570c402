package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds the documents a query names by {@code _id} through the {@code _id} index, and
 * matches them against the rest of the query only. The wire server uses an index only for
 * a query on exactly the index's fields, so {@code {_id: 42, state: "RUNNING"}} (a
 * conditional update, a compare-and-set) would scan the whole collection; MongoDB answers
 * it through the {@code _id} index. Every document the full query matches has that
 * {@code _id}, so the documents the index finds for the {@code _id} alone, matched
 * against the other conditions, are exactly the answer. Matching them against the
 * {@code _id} condition again would only repeat the index's work: for {@code _id: {$in:
 * [...]}} the server compares every document found with every listed id, which for a
 * batch of 500 costs more than the rest of the read.
 */
final class IdLookup {

	private static final String ID = "_id";

	private IdLookup() {
	}

	/**
	 * The positions of the documents with the query's {@code _id} and the conditions they
	 * still have to meet, or empty when the query names no {@code _id} the index can look
	 * up.
	 */
	static <P> Optional<Narrowed<P>> narrow(Document query, List<Index<P>> indexes) {
		if (!query.containsKey(ID)) {
			return Optional.empty();
		}
		Document byId = new Document(ID, query.get(ID));
		for (Index<P> index : indexes) {
			if (index.canHandle(byId)) {
				Document rest = new Document(query);
				rest.remove(ID);
				return Optional.of(new Narrowed<>(index.getPositions(byId), rest));
			}
		}
		return Optional.empty();
	}

	/** Documents found by their id, and the rest of the query they must match. */
	record Narrowed<P>(Iterable<P> positions, Document rest) {

	}

}
