package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the documents of an {@link EarlierFileFormat} file are read: a document map of the
 * wire server's H2 backend holds values in H2's default Java serialization, or as BSON
 * after a marker byte (as this module's H2 backend wrote them before the journal); both
 * are read. Writing is BSON.
 */
final class BsonDocumentType extends BasicDataType<Document> {

	static final BsonDocumentType INSTANCE = new BsonDocumentType();

	// what a document costs in the heap for each byte of its BSON: boxed values, map
	// entries and strings as UTF-16
	private static final int HEAP_BYTES_PER_BSON_BYTE = 4;

	private static final int DOCUMENT_OVERHEAD = 64;

	private final ObjectDataType earlierFormat = new ObjectDataType();

	private BsonDocumentType() {
	}

	@Override
	public int getMemory(Document document) {
		return DOCUMENT_OVERHEAD + HEAP_BYTES_PER_BSON_BYTE * EncodedSize.ofDocument(document);
	}

	@Override
	public void write(WriteBuffer buffer, Document document) {
		MarkedBson.write(buffer, document);
	}

	@Override
	public Document read(ByteBuffer buffer) {
		return MarkedBson.startsAt(buffer) ? MarkedBson.read(buffer) : (Document) this.earlierFormat.read(buffer);
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

	/** Values are only ever compared for equality (a conditional replace). */
	@Override
	public int compare(Document one, Document other) {
		return one.equals(other) ? 0 : Integer.compare(System.identityHashCode(one), System.identityHashCode(other));
	}

}
