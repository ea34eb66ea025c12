package com.powerkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;

/**
 * Calls the running service over real HTTP, through the security chain, as one of the documented local users
 * (application.yaml: the password is the name) or anonymously.
 */
public final class Http {

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	private final String user;

	private final String password;

	private Http(int port, String user, String password) {
		this.port = port;
		this.user = user;
		this.password = password;
	}

	public static Http anonymous(int port) {
		return new Http(port, null, null);
	}

	public static Http as(int port, String user) {
		return new Http(port, user, user);
	}

	public static Http as(int port, String user, String password) {
		return new Http(port, user, password);
	}

	public HttpResponse<String> get(String path, String accept) {
		return send(request(path).header("Accept", accept).GET());
	}

	/** POSTs a GraphQL document to /graphql. */
	public HttpResponse<String> graphQl(String document) {
		String body = "{\"query\":" + quote(document) + "}";
		return send(request("/graphql").header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json, application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A value of a JSON response, by JSONPath ($.data.customer.phone). */
	public static <T> T read(HttpResponse<String> response, String path) {
		return JsonPath.read(response.body(), path);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (this.user != null) {
			String token = Base64.getEncoder().encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
			builder.header("Authorization", "Basic " + token);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char ch : text.toCharArray()) {
			switch (ch) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append(ch);
			}
		}
		return out.append('"').toString();
	}

}
