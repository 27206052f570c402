package uk.co.healthwatchportsmouth.charter.embedded.mongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the H2 backend's collections store documents: as BSON, the format the wire server
 * receives them in, instead of the default of Java serialization (which writes every
 * nested map's class description again for each document: several times the size, and the
 * wire server's costliest work under a steady stream of updates). Documents stored in the
 * default format by the plain backend, or by this one before, are still read, and are
 * written as BSON when they next change.
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
