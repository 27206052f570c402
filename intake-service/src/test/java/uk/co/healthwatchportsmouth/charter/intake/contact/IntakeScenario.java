package uk.co.healthwatchportsmouth.charter.intake.contact;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import uk.co.healthwatchportsmouth.charter.contracts.Topics;
import uk.co.healthwatchportsmouth.charter.support.clock.VirtualClock;
import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;
import uk.co.healthwatchportsmouth.charter.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running intake service, driven over HTTP the way a client drives it. Time comes
 * from a virtual clock that starts at {@link VirtualTimeConfiguration#START} and only
 * moves when a test advances it, so expected instants are exact. Scenario classes extend
 * this and name their infrastructure by implementing {@link OnEmbeddedInfrastructure} or
 * {@link OnContainerInfrastructure}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(VirtualTimeConfiguration.class)
abstract class IntakeScenario {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${local.server.port}")
	int port;

	@Autowired
	VirtualClock clock;

	@Autowired
	Environment environment;

	private final HttpClient http = HttpClient.newHttpClient();

	/** A valid EMAIL contact received an hour before now, changed as the test needs. */
	ObjectNode contact(Consumer<ObjectNode> change) {
		ObjectNode contact = (ObjectNode) JSON.readTree("""
				{
				  "channel": "EMAIL",
				  "receivedAt": "%s",
				  "subject": "Question about GP registration",
				  "customer": { "name": "Alex Example", "email": "alex@example.org" },
				  "assigneeId": "jo"
				}""".formatted(this.clock.instant().minusSeconds(3600)));
		change.accept(contact);
		return contact;
	}

	ObjectNode contact() {
		return contact((unchanged) -> {
		});
	}

	/** Logs a contact and returns its id. */
	String logContact(ObjectNode contact) {
		HttpResponse<String> created = post("/contacts", contact.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).get("id").asString();
	}

	HttpResponse<String> post(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Sends a request with a JSON body (or none) and the given header name/value pairs.
	 */
	HttpResponse<String> send(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	HttpResponse<String> postWithoutBody(String path) {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	TopicReader contactEvents() {
		return new TopicReader(kafkaBrokers(), Topics.CONTACTS);
	}

	String kafkaBrokers() {
		return this.environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Who a request signs in as unless it names someone: sam for reports and erasure
	 * (manager work), jo for the rest (staff work).
	 */
	static LocalUsers.User userFor(String path) {
		return (path.startsWith("/reports") || path.startsWith("/customers")) ? LocalUsers.SAM : LocalUsers.JO;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		HttpRequest built = request.build();
		if (built.headers().firstValue("Authorization").isEmpty()) {
			built = userFor(built.uri().getPath()).signIn(HttpRequest.newBuilder(built, (name, value) -> true)).build();
		}
		try {
			return this.http.send(built, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
