package org.kimberleyprocess.portal;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * An in-process SMTP server (GreenMail) for tests and the development run, started once per JVM
 * on a free port, with the portal's mail settings pointed at it unless a mail host is configured.
 */
public class TestMailServer implements EnvironmentPostProcessor {

	private static GreenMail server;

	private static int port;

	public static synchronized GreenMail server() {
		if (server == null) {
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
		}
		return server;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.mail.host")) {
			return;
		}
		server();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("testMailServer",
					Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(port),
							"logging.level.com.icegreen.greenmail", "WARN")));
	}

}
