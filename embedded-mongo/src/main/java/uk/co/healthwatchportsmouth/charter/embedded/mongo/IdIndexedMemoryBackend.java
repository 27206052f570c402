package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The wire server's in-memory backend, answering queries that name an {@code _id} through
 * the {@code _id} index (see {@link IdLookup}). What the tests run; the
 * {@link JournaledBackend} serves its documents as this one does.
 */
public class IdIndexedMemoryBackend extends MemoryBackend {

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName, getCursorRegistry());
	}

	private static final class Database extends MemoryDatabase {

		Database(String databaseName, CursorRegistry cursorRegistry) {
			super(databaseName, cursorRegistry);
		}

		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			return new Collection(this, collectionName, options, this.cursorRegistry);
		}

	}

	/**
	 * A collection of this backend; the journaled backend's collections are these too.
	 */
	static class Collection extends MemoryCollection {

		Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				CursorRegistry cursorRegistry) {
			super(database, collectionName, options, cursorRegistry);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			return IdLookup.narrow(query, getIndexes())
				.map((narrowed) -> matchDocuments(narrowed.rest(), narrowed.positions(), orderBy, numberToSkip, limit,
						batchSize, fieldSelector))
				.orElseGet(() -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
		}

		@Override
		public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
				boolean isMulti, boolean isUpsert, Oplog oplog) {
			return InPlaceUpdates
				.apply(selector, update, arrayFilters, isMulti, isUpsert, getIndexes(), this::getDocument,
						this::changedInPlace, getFullName(), oplog)
				.orElseGet(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
		}

		/** Records a change made in place; nothing more to do in memory. */
		protected void changedInPlace(Integer position, Document document, int sizeChange, Set<String> fields) {
			if (tracksDataSize()) {
				updateDataSize(sizeChange);
			}
			handleUpdate(position, document, document);
		}

	}

}
