package org.kimberleyprocess.portal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh, empty database beside the one the test suite uses, on the same MariaDB server, for
 * tests that start portals of their own (several nodes, a database that goes away) and must not
 * disturb the shared demo data. It is named after the suite's database with a suffix, so the CI
 * account, granted the suite's database name followed by anything, may create it.
 */
public final class SeparateDatabase {

	private static final Pattern URL = Pattern.compile("(jdbc:mariadb://[^/]+/)([^?]+)(\\?.*)?");

	private final String url;

	private final String username;

	private final String password;

	private SeparateDatabase(String url, String username, String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	/** Drops the database {@code <suite's database>_<suffix>} if it is left from a run before, and creates it. */
	public static SeparateDatabase create(String suffix) {
		String suiteUrl = System.getenv("SPRING_DATASOURCE_URL");
		String username = suiteUrl == null ? "root" : System.getenv("SPRING_DATASOURCE_USERNAME");
		String password = suiteUrl == null ? "" : System.getenv("SPRING_DATASOURCE_PASSWORD");
		if (suiteUrl == null) {
			suiteUrl = EmbeddedMariaDb.url();
		}
		Matcher matcher = URL.matcher(suiteUrl);
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a MariaDB address: " + suiteUrl);
		}
		String name = matcher.group(2) + "_" + suffix;
		try (Connection connection = DriverManager.getConnection(suiteUrl, username, password == null ? "" : password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
			statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + name, ex);
		}
		return new SeparateDatabase(matcher.group(1) + name + (matcher.group(3) == null ? "" : matcher.group(3)),
				username, password == null ? "" : password);
	}

	public String url() {
		return this.url;
	}

	/** The address with the host and port replaced, for example to go through a proxy. */
	public String urlThrough(String hostAndPort) {
		return this.url.replaceFirst("jdbc:mariadb://[^/]+/", "jdbc:mariadb://" + hostAndPort + "/");
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/** The host and port of the server, as {@code host:port}. */
	public String hostAndPort() {
		Matcher matcher = Pattern.compile("jdbc:mariadb://([^/]+)/").matcher(this.url);
		matcher.find();
		return matcher.group(1);
	}

	/** Spring properties that point a portal at this database. */
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", this.url);
		properties.put("spring.datasource.username", this.username);
		properties.put("spring.datasource.password", this.password);
		return properties;
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.username, this.password);
	}

}
