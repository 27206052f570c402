package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The updates a backend applies to the stored document in place, tried in turn: the
 * outbox relay's {@link ArrayPull}, then a {@link TopLevelFieldUpdate}. Both backends ask
 * here first and take the wire server's general path when the answer is empty.
 */
final class InPlaceUpdates {

	private InPlaceUpdates() {
	}

	/**
	 * Applies the update in place if it has one of the shapes taken here. Called with the
	 * collection's lock held.
	 * @return the update's reply, or empty when the general path must answer (nothing has
	 * been changed)
	 */
	static <P> Optional<Document> apply(Document selector, Document update, ArrayFilters arrayFilters, boolean multi,
			boolean upsert, List<Index<P>> indexes, Function<P, Document> documents, ArrayPull.Stored<P> stored,
			String namespace, Oplog oplog) {
		return ArrayPull.of(selector, update, arrayFilters, multi, upsert, indexes)
			.flatMap((pull) -> pull.update(selector, update, indexes, documents, stored, namespace, oplog))
			.or(() -> TopLevelFieldUpdate.of(selector, update, arrayFilters, upsert, indexes)
				.flatMap((fields) -> fields.update(selector, update, indexes, documents, stored, namespace, oplog)));
	}

}
