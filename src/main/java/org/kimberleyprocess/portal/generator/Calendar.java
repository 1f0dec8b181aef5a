package org.kimberleyprocess.portal.generator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import org.kimberleyprocess.portal.generator.Directory.Group;
import org.kimberleyprocess.portal.generator.Directory.Organisation;
import org.kimberleyprocess.portal.generator.Directory.Person;

/**
 * Who chaired what in each year: the Chair from the rotation (South Africa, which chaired the
 * process in its first years, before the rotation has rows), its Chair's office, and each working
 * group's chair, a delegation among its members that serves three years at a time.
 */
final class Calendar {

	private static final Map<String, String> ZONES = Map.ofEntries(Map.entry("za", "Africa/Johannesburg"),
			Map.entry("ca", "America/Toronto"), Map.entry("ru", "Europe/Moscow"), Map.entry("bw", "Africa/Gaborone"),
			Map.entry("eu", "Europe/Brussels"), Map.entry("in", "Asia/Kolkata"), Map.entry("na", "Africa/Windhoek"),
			Map.entry("il", "Asia/Jerusalem"), Map.entry("cd", "Africa/Kinshasa"), Map.entry("us", "America/New_York"),
			Map.entry("cn", "Asia/Shanghai"), Map.entry("ao", "Africa/Luanda"), Map.entry("ae", "Asia/Dubai"),
			Map.entry("au", "Australia/Perth"));

	private final Directory directory;

	private final Map<Integer, String> chairs = new HashMap<>();

	Calendar(Directory directory, JdbcTemplate jdbc) {
		this.directory = directory;
		jdbc.query("SELECT t.year, o.code FROM chair_term t JOIN organisation o ON o.id = t.chair_organisation_id",
				(RowCallbackHandler) (row) -> {
					this.chairs.put(row.getInt(1), row.getString(2));
				});
	}

	Organisation chair(int year) {
		return this.directory.organisation(this.chairs.getOrDefault(year, year >= 2018 ? "eu" : "za"));
	}

	/** The Participants that chaired in the years, whose Chair's offices the directory needs. */
	Set<String> chairCodes(int firstYear, int lastYear) {
		Set<String> codes = new TreeSet<>();
		for (int year = firstYear; year <= lastYear; year++) {
			codes.add(chair(year).code());
		}
		return codes;
	}

	Person chairsOffice(int year) {
		return this.directory.chairsOffice(chair(year));
	}

	String zone(int year) {
		return ZONES.getOrDefault(chair(year).code(), "UTC");
	}

	/**
	 * The person chairing the group in the year: the demo's chair in the term it holds, otherwise
	 * the head of a member delegation taking its turn every three years.
	 */
	Person groupChair(Group group, int year) {
		if (group.chairAccountId() != null && year >= 2015) {
			return this.directory.people.stream()
				.filter((p) -> p.id() == group.chairAccountId())
				.findFirst()
				.orElseThrow();
		}
		List<Organisation> members = group.standings()
			.entrySet()
			.stream()
			.filter((e) -> "MEMBER".equals(e.getValue()))
			.map((e) -> this.directory.organisations.get(e.getKey()))
			.filter((o) -> o.isParticipant() && !"cf".equals(o.code()))
			.toList();
		Organisation turn = members.get(Math.floorMod(year / 3 + (int) group.id(), members.size()));
		return this.directory.head(turn);
	}

}
