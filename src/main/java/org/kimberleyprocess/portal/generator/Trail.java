package org.kimberleyprocess.portal.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;

import org.kimberleyprocess.portal.audit.AuditImport;

/**
 * The audit entries that go with the generated history, written as the portal's entity listener
 * writes them (action, target and a summary naming values but never members' words), each with
 * the person who acted, a request id and a client address from the documentation ranges. They
 * are appended in the order the acts happened.
 */
final class Trail {

	private static final int VALUE_LIMIT = 120;

	private final List<Entry> entries = new ArrayList<>();

	private final Random random;

	private long sequence;

	Trail(Random random) {
		this.random = random;
	}

	private record Entry(long sequence, AuditImport.Entry entry) {
	}

	/** An act by a person: one request, possibly several entries. */
	Act act(Directory.Person person, Instant at) {
		String request = new UUID(this.random.nextLong(), this.random.nextLong()).toString();
		String address = switch (this.random.nextInt(3)) {
			case 0 -> "192.0.2.";
			case 1 -> "198.51.100.";
			default -> "203.0.113.";
		} + (1 + this.random.nextInt(254));
		return new Act(person == null ? "system" : person.fullName() + " (" + person.username() + ")",
				person == null ? "" : person.organisation().nameEn(), at, person == null ? null : request,
				person == null ? null : address);
	}

	final class Act {

		private final String actor;

		private final String organisation;

		private final String requestId;

		private final String address;

		private Instant at;

		private Act(String actor, String organisation, Instant at, String requestId, String address) {
			this.actor = actor;
			this.organisation = organisation;
			this.at = at;
			this.requestId = requestId;
			this.address = address;
		}

		/** An entry a few microseconds after the previous one of the same act. */
		Act entry(String action, String target, String summary) {
			this.at = this.at.plus(20 + Trail.this.random.nextInt(900), ChronoUnit.MICROS);
			Trail.this.entries.add(new Entry(Trail.this.sequence++, new AuditImport.Entry(this.at, this.actor,
					this.organisation, action, target, summary, this.requestId, this.address)));
			return this;
		}

		Act created(String entity, long id, Summary summary) {
			return entry(entity + " created", entity + "#" + id, summary.toString());
		}

		Act changed(String entity, long id, Summary summary) {
			return entry(entity + " changed", entity + "#" + id, summary.toString());
		}

	}

	int size() {
		return this.entries.size();
	}

	/** The entries in the order the acts happened. */
	List<AuditImport.Entry> inOrder() {
		return this.entries.stream()
			.sorted(Comparator.comparing((Entry e) -> e.entry().occurredAt()).thenComparingLong(Entry::sequence))
			.map(Entry::entry)
			.toList();
	}

	/** Summaries in the listener's form: {@code name=value; ...} or {@code name: before → after; ...}. */
	static final class Summary {

		private final StringJoiner parts = new StringJoiner("; ");

		Summary set(String name, Object value) {
			if (value != null) {
				this.parts.add(name + "=" + show(value));
			}
			return this;
		}

		/** A value the listener names but never copies, such as a text or a title. */
		Summary hidden(String name) {
			this.parts.add(name + "=(" + name.toLowerCase(java.util.Locale.ROOT) + ")");
			return this;
		}

		Summary change(String name, Object before, Object after) {
			this.parts.add(name + ": " + (before == null ? "∅" : show(before)) + " → "
					+ (after == null ? "∅" : show(after)));
			return this;
		}

		Summary hiddenChange(String name, boolean before) {
			String shown = "(" + name.toLowerCase(java.util.Locale.ROOT) + ")";
			this.parts.add(name + ": " + (before ? shown : "∅") + " → " + shown);
			return this;
		}

		/** A collection of embedded objects, shown as the listener shows them: class and identity. */
		Summary objects(String name, String type, int count, Random random) {
			StringJoiner items = new StringJoiner(", ", "[", "]");
			for (int i = 0; i < Math.min(count, 30); i++) {
				items.add(type + "@" + Integer.toHexString(random.nextInt(Integer.MAX_VALUE)));
			}
			this.parts.add(name + "=" + shorten(items.toString()));
			return this;
		}

		@Override
		public String toString() {
			return this.parts.toString();
		}

		private static String show(Object value) {
			return shorten(String.valueOf(value));
		}

		private static String shorten(String text) {
			String line = text.replaceAll("\\s+", " ");
			return line.length() <= VALUE_LIMIT ? line : line.substring(0, VALUE_LIMIT - 1) + "…";
		}

	}

	static Summary summary() {
		return new Summary();
	}

}
