package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The store file as the wire server's H2 backend wrote it: a map of documents per
 * collection (values in Java serialization, or BSON as {@link BsonDocumentType} wrote
 * them), beside maps of sizes and of unique-index keys. The {@link JournaledBackend}
 * reads such a file's documents into its journal once and removes the old maps; cut
 * short, the move is made again at the next start (the entries it wrote then replay to
 * the same documents).
 */
final class EarlierFileFormat {

	private static final String DATA_PREFIX = "databases.";

	private static final String SIZES_PREFIX = "meta.";

	private static final String INDEX_INFIX = "._index_";

	private EarlierFileFormat() {
	}

	static void moveIntoJournal(MVStore store, Journal journal) {
		List<String> dataMaps = store.getMapNames().stream().filter((name) -> name.startsWith(DATA_PREFIX)).toList();
		for (String name : dataMaps) {
			String namespace = name.substring(DATA_PREFIX.length());
			MVMap<Object, Document> documents = store.openMap(name,
					new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
			for (Document document : documents.values()) {
				journal.append(JournalEntry.put(namespace, JournalEntry.keyOf(document), document));
			}
		}
		List<String> earlier = store.getMapNames()
			.stream()
			.filter((name) -> name.startsWith(DATA_PREFIX) || name.startsWith(SIZES_PREFIX)
					|| name.contains(INDEX_INFIX))
			.toList();
		if (earlier.isEmpty()) {
			return;
		}
		store.commit();
		earlier.forEach(store::removeMap);
		store.commit();
	}

}
