package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds the documents a query names by {@code _id} through the {@code _id} index when the
 * query also has other conditions. The wire server uses an index only for a query on
 * exactly the index's fields, so {@code {_id: 42, state: "RUNNING"}} (a conditional
 * update, a compare-and-set) would scan the whole collection; MongoDB answers it through
 * the {@code _id} index. Every document the full query matches has that {@code _id}, so
 * the documents the index finds for the {@code _id} alone, matched against the full
 * query, are exactly the answer.
 */
final class IdLookup {

	private static final String ID = "_id";

	private IdLookup() {
	}

	/**
	 * The positions of the documents with the query's {@code _id}, or empty when the
	 * query does not name one or the server can already answer it on its own.
	 */
	static <P> Optional<Iterable<P>> positions(Document query, List<Index<P>> indexes) {
		if (query.size() < 2 || !query.containsKey(ID)) {
			return Optional.empty();
		}
		Document byId = new Document(ID, query.get(ID));
		for (Index<P> index : indexes) {
			if (index.canHandle(byId)) {
				return Optional.of(index.getPositions(byId));
			}
		}
		return Optional.empty();
	}

}
