package org.kimberleyprocess.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Galera cluster needs of the schema and the statements, checked on every build (the
 * whole suite against a local cluster is {@code ops/galera-local test}, see the README): Galera
 * replicates InnoDB rows by primary key, and does not replicate named locks, table locks or
 * temporary tables.
 */
@PortalTest
class GaleraCompatibilityTest {

	private static final Pattern NODE_LOCAL = Pattern.compile(
			"GET_LOCK|RELEASE_LOCK|LOCK\\s+TABLES?\\s|CREATE\\s+TEMPORARY|CREATE\\s+TABLE\\s+\\w+\\s+(AS\\s+)?SELECT|ENGINE\\s*=\\s*(MyISAM|Aria|MEMORY)",
			Pattern.CASE_INSENSITIVE);

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyTableIsInnoDbWithAPrimaryKey() {
		List<String> tables = this.jdbc.queryForList("""
				SELECT TABLE_NAME FROM information_schema.TABLES
				WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'""", String.class);
		assertThat(tables).contains("flyway_schema_history", "EVENT_PUBLICATION", "SPRING_SESSION", "shedlock");
		assertThat(this.jdbc.queryForList("""
				SELECT TABLE_NAME FROM information_schema.TABLES
				WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND ENGINE <> 'InnoDB'""", String.class))
			.isEmpty();
		assertThat(this.jdbc.queryForList("""
				SELECT t.TABLE_NAME FROM information_schema.TABLES t
				WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' AND NOT EXISTS (
				    SELECT 1 FROM information_schema.TABLE_CONSTRAINTS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA
				    AND c.TABLE_NAME = t.TABLE_NAME AND c.CONSTRAINT_TYPE = 'PRIMARY KEY')""", String.class))
			.isEmpty();
	}

	@Test
	void noStatementReliesOnWhatGaleraKeepsToOneNode() throws IOException {
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
				Files.walk(Path.of("src/main/resources/db")))) {
			List<String> found = files.filter(Files::isRegularFile)
				.filter((file) -> file.toString().endsWith(".java") || file.toString().endsWith(".sql"))
				.filter((file) -> NODE_LOCAL.matcher(read(file)).find())
				.map(Path::toString)
				.toList();
			assertThat(found).isEmpty();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
