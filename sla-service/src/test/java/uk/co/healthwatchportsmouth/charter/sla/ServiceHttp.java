package uk.co.healthwatchportsmouth.charter.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.co.healthwatchportsmouth.charter.support.testing.LocalUsers;

/**
 * Calls the running service over real HTTP, as a client would, signed in as a local user.
 */
public final class ServiceHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	public ServiceHttp(int port) {
		this.port = port;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	public HttpResponse<String> post(String path) {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private HttpRequest.Builder request(String path) {
		return userFor(path).signIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)));
	}

	/** ops for admin and actuator, sam for the compliance report, jo for staff reads. */
	static LocalUsers.User userFor(String path) {
		if (path.startsWith("/admin") || path.startsWith("/actuator")) {
			return LocalUsers.OPS;
		}
		return path.startsWith("/compliance") ? LocalUsers.SAM : LocalUsers.JO;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
