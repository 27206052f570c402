package uk.co.healthwatchportsmouth.charter.support.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem+json, the same shape ProblemDetailsAdvice gives every
 * other error (type, title, status, detail, instance), instead of Spring Security's empty
 * or HTML bodies.
 */
final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/** 401 with the given challenge, unless a delegate already set one. */
	static AuthenticationEntryPoint unauthorized(String challenge, AuthenticationEntryPoint delegate) {
		return (request, response, exception) -> {
			if (delegate != null) {
				delegate.commence(request, response, exception);
			}
			if (!response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
			}
			write(request, response, HttpStatus.UNAUTHORIZED, "Sign in to use this endpoint");
		};
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, exception) -> write(request, response, HttpStatus.FORBIDDEN,
				"Your role does not allow this request");
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), body);
	}

}
