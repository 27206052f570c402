package uk.co.healthwatchportsmouth.charter.support.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.co.healthwatchportsmouth.charter.support.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves a running service's access rules endpoint by endpoint: reads its OpenAPI
 * document, calls every path and method with no user and as each local user, and checks
 * the answer is 401 (no user), 403 (role not allowed) or anything but 401/403 (allowed; a
 * 400 for the dummy input or a 404 for the dummy id means the request got through). Path
 * variables are filled with a dummy value; POST, PUT and PATCH send {@code {}}.
 */
public final class EndpointAccessWalk {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

	private final String baseUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	public EndpointAccessWalk(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public record Endpoint(String method, String path) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/** Every endpoint of the service's OpenAPI document, read as {@code user}. */
	public List<Endpoint> endpoints(LocalUsers.User user) throws Exception {
		HttpResponse<String> docs = send("GET", "/v3/api-docs", user);
		assertThat(docs.statusCode()).as("GET /v3/api-docs as " + user.name()).isEqualTo(200);
		List<Endpoint> endpoints = new ArrayList<>();
		JsonNode paths = JSON.readTree(docs.body()).path("paths");
		for (String path : paths.propertyNames()) {
			for (String method : paths.path(path).propertyNames()) {
				if (METHODS.contains(method)) {
					endpoints.add(new Endpoint(method.toUpperCase(Locale.ROOT), path));
				}
			}
		}
		return endpoints;
	}

	/**
	 * Walks every endpoint and fails listing each one whose answer does not match
	 * {@code allowedRoles} (the roles that must get through; the hierarchy is not applied
	 * here, so a MANAGER endpoint for staff work lists both STAFF and MANAGER).
	 * @return the endpoints walked
	 */
	public List<Endpoint> assertAccess(Function<Endpoint, Set<Role>> allowedRoles) throws Exception {
		List<Endpoint> endpoints = endpoints(LocalUsers.SAM);
		assertThat(endpoints).as("endpoints in /v3/api-docs").isNotEmpty();
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			Set<Role> allowed = allowedRoles.apply(endpoint);
			String path = endpoint.path().replaceAll("\\{[^}]+}", "walk-1");
			int anonymous = send(endpoint.method(), path, null).statusCode();
			if (anonymous != 401) {
				wrong.add(endpoint + " without a user: " + anonymous + ", expected 401");
			}
			for (LocalUsers.User user : LocalUsers.ALL) {
				HttpResponse<String> answer = send(endpoint.method(), path, user);
				int status = answer.statusCode();
				boolean shouldPass = user.hasAnyOf(allowed);
				if (shouldPass && (status == 401 || status == 403)) {
					wrong.add(endpoint + " as " + user.name() + ": " + status + ", expected to be let through");
				}
				if (!shouldPass && status != 403) {
					wrong.add(endpoint + " as " + user.name() + ": " + status + ", expected 403");
				}
				if (status == 403 && !answer.headers()
					.firstValue("Content-Type")
					.orElse("")
					.startsWith("application/problem+json")) {
					wrong.add(endpoint + " as " + user.name() + ": 403 is not problem+json");
				}
			}
		}
		assertThat(wrong).as("endpoints whose access is not as expected").isEmpty();
		return endpoints;
	}

	private HttpResponse<String> send(String method, String path, LocalUsers.User user) throws Exception {
		boolean withBody = Set.of("POST", "PUT", "PATCH").contains(method);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.method(method, withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
		if (withBody) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			user.signIn(request);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
