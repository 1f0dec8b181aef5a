package org.kimberleyprocess.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the database server, for tests of what the portal does when the
 * database goes away: {@link #cut()} closes every connection and refuses new ones, as a server
 * that stopped does; {@link #restore()} accepts them again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket listening;

	private volatile boolean closed;

	private TcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		ServerSocket server = bind(0);
		this.port = server.getLocalPort();
		accept(server);
	}

	/** A proxy on a free port of this machine's loopback address, to {@code host:port}. */
	public static TcpProxy to(String hostAndPort) throws IOException {
		int colon = hostAndPort.lastIndexOf(':');
		return new TcpProxy(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
	}

	public int port() {
		return this.port;
	}

	/** {@code 127.0.0.1:<port>}, for {@link SeparateDatabase#urlThrough}. */
	public String address() {
		return "127.0.0.1:" + this.port;
	}

	/** Stops listening and closes every connection, each side as if the other had gone. */
	public synchronized void cut() throws IOException {
		ServerSocket server = this.listening;
		this.listening = null;
		if (server != null) {
			server.close();
		}
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
		this.open.clear();
	}

	/** Listens again on the same port. */
	public synchronized void restore() throws IOException {
		if (this.listening == null && !this.closed) {
			accept(bind(this.port));
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		cut();
	}

	private static ServerSocket bind(int port) throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		IOException last = null;
		// The port may linger briefly after a cut; it is this proxy's, nobody else binds it on purpose.
		for (int attempt = 0; attempt < 50; attempt++) {
			try {
				server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
				return server;
			}
			catch (IOException ex) {
				last = ex;
				sleep(100);
			}
		}
		server.close();
		throw last;
	}

	private void accept(ServerSocket server) {
		this.listening = server;
		Thread acceptor = new Thread(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket upstream = new Socket(this.targetHost, this.targetPort);
					client.setTcpNoDelay(true);
					upstream.setTcpNoDelay(true);
					this.open.add(client);
					this.open.add(upstream);
					if (this.listening != server) {
						closeQuietly(client);
						closeQuietly(upstream);
						continue;
					}
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException ex) {
					// Closed by a cut, or the server refused: the client sees its connection end.
				}
			}
		}, "tcp-proxy-accept-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// One side went away; the other is closed below.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "tcp-proxy-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
