package org.kimberleyprocess.portal.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.kimberleyprocess.portal.DemoAuthenticator;
import org.kimberleyprocess.portal.SignIn;

/**
 * What a person's browser does with a portal over real HTTP, without JavaScript: keeps its
 * cookies, sends forms with the CSRF token the page gave, and shows each answer as it comes
 * (redirects are not followed, so a test sees them).
 */
final class HttpBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	private final Map<String, String> cookies;

	HttpBrowser(int port) {
		this(port, new LinkedHashMap<>());
	}

	private HttpBrowser(int port, Map<String, String> cookies) {
		this.base = "http://127.0.0.1:" + port;
		this.cookies = cookies;
	}

	/** The same browser, cookies and all, on another node of the portal (as behind a load balancer). */
	HttpBrowser at(int port) {
		return new HttpBrowser(port, this.cookies);
	}

	Page get(String path, String... headers) throws IOException, InterruptedException {
		return send(request(path, headers).GET());
	}

	Page post(String path, Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path, "Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Signs in with the demo password, then, when the account's role needs it, with the demo
	 * authenticator's code, as a person does on the two pages.
	 */
	HttpBrowser signIn(String username) throws IOException, InterruptedException {
		Page form = get("/login");
		String next = post("/login",
				Map.of("username", username, "password", SignIn.DEMO_PASSWORD, "_csrf", form.csrf()))
			.location();
		Page codeStep = get("/sign-in/code");
		if (codeStep.status() == 200) {
			next = post("/sign-in/code", Map.of("code", DemoAuthenticator.codeNow(), "_csrf", codeStep.csrf()))
				.location();
		}
		if (!next.endsWith("/home")) {
			throw new AssertionError(username + " was not signed in: sent to " + next);
		}
		return this;
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(60));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		synchronized (this.cookies) {
			if (!this.cookies.isEmpty()) {
				request.header("Cookie", this.cookies.entrySet()
					.stream()
					.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
					.collect(Collectors.joining("; ")));
			}
		}
		return request;
	}

	private Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = CLIENT.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		keepCookies(response.headers().allValues("Set-Cookie"));
		return new Page(response.statusCode(), response.headers().map(), response.body());
	}

	private void keepCookies(List<String> setCookies) {
		synchronized (this.cookies) {
			for (String setCookie : setCookies) {
				String pair = setCookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				String name = pair.substring(0, equals).strip();
				String value = pair.substring(equals + 1).strip();
				boolean expired = setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
				if (expired || value.isEmpty()) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** One answer: its status, headers and body. */
	record Page(int status, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase(name))
				.map((header) -> header.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		String location() {
			String location = header("Location");
			if (this.status != 302 || location == null) {
				throw new AssertionError("Expected a redirect, got " + this.status);
			}
			return location;
		}

		String csrf() {
			Matcher token = CSRF.matcher(this.body);
			if (!token.find()) {
				throw new AssertionError("The page (" + this.status + " " + this.headers + ") has no form with a CSRF token");
			}
			return token.group(1);
		}

	}

}
