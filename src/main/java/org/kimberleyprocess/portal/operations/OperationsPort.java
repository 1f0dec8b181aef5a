package org.kimberleyprocess.portal.operations;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The operations port: a second Tomcat connector on the same application, bound to
 * {@code portal.operations.address} (the loopback address by default), so that only the machine
 * itself, or whoever the operator lets reach that address, can read metrics and run the
 * integrity check. A request is told apart by the local port it arrived on, which no header can
 * change. By default the port is 8081 when the public port is Tomcat's 8080, and a free one
 * (logged at start-up) when {@code server.port} is set to anything else, as tests and several
 * nodes on one machine do: a default must never keep a node from starting. {@code -1} turns it
 * off.
 */
@Component
class OperationsPort implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private static final Logger log = LoggerFactory.getLogger(OperationsPort.class);

	private final int port;

	private final String address;

	private volatile Connector connector;

	OperationsPort(@Value("${portal.operations.port:}") String port, @Value("${server.port:8080}") int serverPort,
			@Value("${portal.operations.address:127.0.0.1}") String address) {
		this.port = port.isBlank() ? (serverPort == 8080 ? 8081 : 0) : Integer.parseInt(port.strip());
		this.address = address;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		if (this.port < 0) {
			return;
		}
		Connector operations = new Connector(TomcatWebServerFactory.DEFAULT_PROTOCOL);
		operations.setPort(this.port);
		operations.setProperty("address", this.address);
		// Scrapes and checks, one or two at a time: a few threads, not the public port's pool.
		operations.setProperty("maxThreads", "4");
		operations.setProperty("minSpareThreads", "1");
		factory.addAdditionalConnectors(operations);
		this.connector = operations;
	}

	@EventListener
	void started(ServletWebServerInitializedEvent event) {
		Connector operations = this.connector;
		if (operations != null) {
			log.info("Operations endpoints (metrics, integrity) on {}:{}", this.address, operations.getLocalPort());
		}
	}

	/** Whether the request came in on the operations port. */
	boolean serves(HttpServletRequest request) {
		if (this.port < 0) {
			return false;
		}
		Connector operations = this.connector;
		int bound = (operations != null && operations.getLocalPort() > 0) ? operations.getLocalPort() : this.port;
		return bound > 0 && request.getLocalPort() == bound;
	}

}
