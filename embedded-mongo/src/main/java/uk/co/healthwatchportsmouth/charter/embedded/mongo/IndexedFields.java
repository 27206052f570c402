package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.List;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;

/** Which top-level fields an index of the wire server keeps entries for. */
final class IndexedFields {

	private IndexedFields() {
	}

	/**
	 * Whether changing the field in place could leave an index stale. The wire server
	 * keeps a non-unique secondary index as an {@link EmptyIndex}: declared, listed, but
	 * holding no entries, so a change cannot affect it.
	 */
	static <P> boolean covers(List<Index<P>> indexes, String field) {
		for (Index<P> index : indexes) {
			if (index instanceof EmptyIndex<?>) {
				continue;
			}
			for (IndexKey indexKey : index.getKeys()) {
				if (indexKey.getKey().equals(field) || indexKey.getKey().startsWith(field + ".")) {
					return true;
				}
			}
		}
		return false;
	}

}
