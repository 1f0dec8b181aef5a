package org.kimberleyprocess.portal.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client address the portal records (audit trail, sign-in throttle) is the request's remote
 * address as Tomcat resolves it. MockMvc runs no Tomcat valve, and the shared test context builds
 * no Tomcat customizer (it counts as a war deployment), so this configures a real Tomcat the way
 * the jar does: Spring Boot's own Tomcat customizer, bound to the portal's
 * {@code application.properties}. A servlet echoes the address; the requests come over the
 * loopback interface, which Tomcat's default would trust as an internal proxy. What this does not
 * cover is the rest of the application's start-up, which adds nothing to the valve.
 */
class ClientAddressTest {

	private static final String FORGED = "203.0.113.7";

	@Test
	void aForwardedAddressFromAClientThatIsNotATrustedProxyIsIgnored() throws Exception {
		assertThat(addressSeen(Map.of(), FORGED)).isEqualTo("127.0.0.1");
	}

	@Test
	void aForwardedAddressFromAConfiguredProxyIsBelieved() throws Exception {
		assertThat(addressSeen(Map.of("portal.trusted-proxies", "10.0.0.0/8, 127.0.0.1/32"), FORGED))
			.isEqualTo(FORGED);
	}

	private static String addressSeen(Map<String, Object> settings, String forwardedFor) throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addLast(new MapPropertySource("settings", settings));
		environment.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
		Binder binder = Binder.get(environment);
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		new TomcatWebServerFactoryCustomizer(environment, binder.bindOrCreate("server", ServerProperties.class),
				binder.bindOrCreate("server.tomcat", TomcatServerProperties.class),
				binder.bindOrCreate("spring.web", WebProperties.class))
			.customize(factory);
		WebServer server = factory
			.getWebServer((context) -> context.addServlet("echo", new RemoteAddressEcho()).addMapping("/echo"));
		server.start();
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/echo"))
				.header("X-Forwarded-For", forwardedFor)
				.build();
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		finally {
			server.stop();
		}
	}

	static class RemoteAddressEcho extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setContentType("text/plain");
			response.getWriter().write(request.getRemoteAddr());
		}

	}

}
